/**
 * The registered state machines: the product's own (registered at start, from workflows/*.asl.json)
 * and any a developer creates through the API. Definitions are checked as AWS would refuse them.
 */
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

function parseDefinition(text: string): Record<string, any> {
  let definition: Record<string, any>;
  try {
    definition = JSON.parse(text);
  } catch {
    throw new SfnError('InvalidDefinition', 'Invalid State Machine Definition: the definition is not valid JSON');
  }
  try {
    // Validated once, as written; a restart may later run it from another state.
    new StateMachine(definition as any, { validationOptions: { checkArn: true, checkPaths: true } });
  } catch (err) {
    throw new SfnError('InvalidDefinition', `Invalid State Machine Definition: ${(err as Error).message}`);
  }
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
