// A Host reading from the working directory, for scripts run from the repository root.
import { readFileSync } from 'node:fs';

export const diskHost = {
  readFile(path) {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return undefined;
    }
  },
};
