/**
 * The registered state machines: the product's own (registered at start, from workflows/*.asl.json)
 * and any a developer creates through the API. Definitions are checked as AWS would refuse them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeDurable } from '../durable-file';
import { join, resolve } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import { LOCAL_ACCOUNT, LOCAL_REGION } from '../lambda';
import { SfnError } from './errors';

export interface MachineRecord {
  name: string;
  arn: string;
  definition: Record<string, any>;
  /** The definition as sent: DescribeStateMachine returns it unchanged. */
  text: string;
  roleArn: string;
  creationDate: number;
  updateDate?: number;
}

export const machineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
const LOCAL_ROLE = `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-stand-in`;

const VALIDATION = { checkArn: true, checkPaths: true };
const MODULES = resolve(import.meta.dirname, '..', '..', 'node_modules');

/**
 * Definitions the validator found valid, by a hash of the definition, the options and the versions of
 * the interpreter and its validator: the same definition gets the same answer, so it is not checked
 * again. A check costs about a second (asl-validator compiles its JSON schemas on every call), and the
 * runtime registers its four state machines at every start. Kept in memory and in node_modules/.cache,
 * so a restarted runtime (`npm start`, the crash harness) does not pay it again; a definition found
 * invalid is never kept, and is refused every time.
 */
const validated = {
  file: join(MODULES, '.cache', 'alliance-cycle', 'valid-state-machines.json'),
  known: undefined as Set<string> | undefined,
  versions: undefined as string | undefined,
  key(text: string): string {
    this.versions ??= ['aws-local-stepfunctions', 'asl-validator']
      .map((name) => {
        try {
          return `${name}@${JSON.parse(readFileSync(join(MODULES, name, 'package.json'), 'utf8')).version}`;
        } catch {
          return `${name}@unknown`;
        }
      })
      .join(' ');
    return createHash('sha256')
      .update(`${this.versions}\n${JSON.stringify(VALIDATION)}\n${text}`)
      .digest('hex');
  },
  load(): Set<string> {
    if (!this.known) {
      try {
        this.known = new Set(JSON.parse(readFileSync(this.file, 'utf8')) as string[]);
      } catch {
        this.known = new Set();
      }
    }
    return this.known;
  },
  has(text: string): boolean {
    return this.load().has(this.key(text));
  },
  add(text: string): void {
    const known = this.load().add(this.key(text));
    try {
      mkdirSync(resolve(this.file, '..'), { recursive: true });
      writeDurable(this.file, JSON.stringify([...known]));
    } catch {
      /* no cache on a read-only checkout: each start checks again */
    }
  },
};

function parseDefinition(text: string): Record<string, any> {
  let definition: Record<string, any>;
  try {
    definition = JSON.parse(text);
  } catch {
    throw new SfnError('InvalidDefinition', 'Invalid State Machine Definition: the definition is not valid JSON');
  }
  if (validated.has(text)) return definition;
  try {
    // Validated once, as written; a restart may later run it from another state.
    new StateMachine(definition as any, { validationOptions: VALIDATION });
  } catch (err) {
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: ${(err as Error).message}`);
  }
  validated.add(text);
  return definition;
}

export class Machines {
  private all = new Map<string, MachineRecord>();

  constructor(private readonly now: () => number) {}

  /** CreateStateMachine: the same name and definition again returns the first (as AWS does). */
  create(name: string, text: string, roleArn = LOCAL_ROLE, type = 'STANDARD'): MachineRecord {
    if (type !== 'STANDARD')
      throw new SfnError('ValidationException', 'The local stand-in runs STANDARD state machines only');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const definition = parseDefinition(text);
    const arn = machineArn(name);
    const existing = this.all.get(arn);
    if (existing && existing.text === text) return existing;
    if (existing) throw new SfnError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    const machine = { name, arn, definition, text, roleArn, creationDate: this.now() };
    this.all.set(arn, machine);
    return machine;
  }

  update(arn: string, text?: string, roleArn?: string): MachineRecord {
    const machine = this.get(arn);
    if (text !== undefined) Object.assign(machine, { definition: parseDefinition(text), text });
    if (roleArn !== undefined) machine.roleArn = roleArn;
    machine.updateDate = this.now();
    return machine;
  }

  delete(arn: string): void {
    this.all.delete(arn);
  }

  find(arn: string): MachineRecord | undefined {
    return this.all.get(arn);
  }

  get(arn: string): MachineRecord {
    const machine = this.all.get(arn);
    if (!machine) throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  }

  list(): MachineRecord[] {
    return [...this.all.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
