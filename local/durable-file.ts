/**
 * The local stand-ins' state files (schedules, the clock, invocations kept until they ran). A runtime
 * killed in the middle of a write must find the previous file whole at its restart, as a cloud
 * service's state never shows half a write: write-file-atomic writes a temporary file and renames it.
 */
import writeFileAtomic from 'write-file-atomic';

export function writeDurable(file: string, text: string, mode?: number): void {
  // No fsync: the rename alone is whole across a killed process (a lost power supply is not the case here),
  // and the scheduler writes on every schedule it sets.
  writeFileAtomic.sync(file, text, mode === undefined ? { fsync: false } : { mode, fsync: false });
}
