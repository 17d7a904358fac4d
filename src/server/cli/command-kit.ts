import type { Option } from 'commander';
import type { ApiClient, ApiResponse } from './api-client.ts';
import type { CliIo } from './cli-io.ts';

/** What program.ts lends every command: the run's io, the API connection, the answer check and the printer. */
export interface CliCommandKit {
  /** The run's own io: its env holds this run's --work-date. */
  io: CliIo;
  withApi(server: string | undefined, work: (api: ApiClient) => Promise<void>): Promise<void>;
  expectOk(response: ApiResponse): unknown;
  print(value: unknown): void;
  /** A command that printed its result yet failed (a failed job) ends the run with this code. */
  setExitCode(code: number): void;
  serverOption: Option;
}
