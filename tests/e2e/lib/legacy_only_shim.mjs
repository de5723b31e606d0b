#!/usr/bin/env node
// Makes nba-mcp look like a legacy-only (2025-era) stdio server, for the v2 SDK's 'auto'-mode
// fallback test: answers server/discover with -32601 itself, as a legacy server would, and passes
// every other line through to the real server unchanged.
//
//   node legacy_only_shim.mjs /path/to/nba-mcp [server args...]

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const [bin, ...args] = process.argv.slice(2);
const child = spawn(bin, args, { stdio: ['pipe', 'inherit', 'inherit'] });

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  let msg;
  try {
    msg = JSON.parse(line);
  } catch {
    msg = undefined;
  }
  if (msg && msg.method === 'server/discover' && msg.id !== undefined) {
    process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'Method not found' } })}\n`);
    return;
  }
  child.stdin.write(`${line}\n`);
});
lines.on('close', () => child.stdin.end());

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => child.kill(sig));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
