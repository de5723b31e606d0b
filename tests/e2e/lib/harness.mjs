import fs from 'node:fs';
// Shared helpers for the SDK end-to-end suites (sdk_v1.test.mjs, sdk_v2.test.mjs).
// Not a test file itself: node --test only picks up *.test.mjs here.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The server binary under test, from NBA_MCP_BIN (set by scripts/e2e.sh). */
export function serverBinary() {
  const bin = process.env.NBA_MCP_BIN;
  assert.ok(bin, 'NBA_MCP_BIN is not set: run scripts/e2e.sh BINARY, or export NBA_MCP_BIN=/path/to/nba-mcp');
  assert.ok(existsSync(bin), `NBA_MCP_BIN=${bin} does not exist`);
  return path.resolve(bin);
}

/**
 * Environment for the spawned server: the SDK's safe default set (passed in, since v1 and v2 each
 * export their own getDefaultEnvironment) plus any NBA_MCP_* knobs from our environment, so a
 * caller can point the server at data or tune it (e.g. NBA_MCP_LOG_LEVEL=debug) without editing tests.
 */
export function serverEnv(defaultEnv, extra = {}) {
  const env = { ...defaultEnv };
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('NBA_MCP_') && k !== 'NBA_MCP_BIN' && v !== undefined) env[k] = v;
  }
  return { ...env, ...extra };
}

/** Transport parameters for the binary under test. stderr is piped so failures can show it. */
export function serverParams(defaultEnv, extraEnv = {}) {
  return { command: serverBinary(), args: [], env: serverEnv(defaultEnv, extraEnv), stderr: 'pipe' };
}

/** Collects the child's stderr (for assertion messages). Call before connect(). */
export function captureStderr(transport) {
  const chunks = [];
  transport.stderr?.on('data', (c) => chunks.push(String(c)));
  return () => chunks.join('');
}

/**
 * Records every JSON-RPC message on a client transport. Must be called before client.connect().
 * Outgoing: send() is wrapped on the instance (not by subclassing, which would change how the v2
 * SDK probes a stdio server). Incoming: the child's raw stdout bytes, split into lines and parsed
 * here, so checks see exactly what the server wrote rather than the SDK's parsed view; a stdout
 * line that is not a JSON object is recorded in `wire.garbage`.
 */
export function recordWire(transport) {
  const wire = { sent: [], received: [], garbage: [] };
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    wire.sent.push(structuredClone(message));
    return send(message, options);
  };
  const start = transport.start.bind(transport);
  transport.start = async () => {
    await start();
    // The child has just been spawned and nothing has been written to it yet, so no output is
    // missed by listening from here.
    const stdout = transport._process?.stdout;
    assert.ok(stdout, 'transport._process.stdout is not available after start()');
    const decoder = new StringDecoder('utf8');
    let buf = '';
    stdout.on('data', (chunk) => {
      buf += decoder.write(chunk);
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          const msg = JSON.parse(line);
          if (typeof msg === 'object' && msg !== null && !Array.isArray(msg)) wire.received.push(msg);
          else wire.garbage.push(line);
        } catch {
          wire.garbage.push(line);
        }
      }
    });
    stdout.on('end', () => {
      if (buf.length > 0) wire.garbage.push(buf); // a message without its terminating newline
    });
  };
  /** Requests (not notifications) this client has sent so far. */
  wire.requestCount = () => wire.sent.filter((m) => m.method !== undefined && m.id !== undefined).length;
  wire.notificationCount = () => wire.sent.filter((m) => m.method !== undefined && m.id === undefined).length;
  /** The raw response the server sent for the most recent request with this method. */
  wire.lastResponseTo = (method) => {
    const req = wire.sent.findLast((m) => m.method === method && m.id !== undefined);
    assert.ok(req, `no ${method} request was sent`);
    const res = wire.received.find((m) => m.id === req.id && (m.result !== undefined || m.error !== undefined));
    assert.ok(res, `no response to ${method} (id ${req.id}) was received`);
    return res;
  };
  return wire;
}

/**
 * Watches the server child so the test can assert a clean exit after the client closes stdin.
 * The SDKs' StdioClientTransport.close() ends stdin, waits 2 s, then sends SIGTERM (and later
 * SIGKILL); wrapping kill() tells us whether the server needed a signal to go away.
 */
export function watchChild(transport) {
  const child = transport._process; // both SDKs keep the ChildProcess here after start()
  assert.ok(child, 'transport._process is not set: did connect() run, or did the SDK rename the field?');
  const state = { signalsSent: [] };
  const kill = child.kill.bind(child);
  child.kill = (sig) => {
    state.signalsSent.push(sig ?? 'SIGTERM');
    return kill(sig);
  };
  state.exited = new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
    } else {
      child.once('exit', (code, signal) => resolve({ code, signal }));
    }
  });
  return state;
}

/**
 * Closes the client (the SDK ends the server's stdin) and asserts the server exited 0 on stdin EOF
 * without needing a signal, and wrote nothing but JSON-RPC messages to stdout.
 */
export async function closeAndExpectCleanExit({ client, watch, stderr, wire }) {
  await client.close();
  const { code, signal } = await watch.exited;
  const why = `\nserver stderr:\n${stderr()}`;
  assert.deepEqual(watch.signalsSent, [], `server did not exit within 2 s of stdin EOF; the SDK had to send ${watch.signalsSent.join(', ')}${why}`);
  assert.equal(signal, null, `server was killed by ${signal}${why}`);
  assert.equal(code, 0, `server exit status ${code} after stdin EOF${why}`);
  if (wire) assert.deepEqual(wire.garbage, [], 'server wrote non-JSON-RPC output to stdout');
}

// ---------------------------------------------------------------------------------------------
// JSON Schema (2020-12) validation with ajv

/** One Ajv per schema set; 2020-12 dialect (the MCP default since 2025-11-25), formats on. */
export function makeAjv() {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true, // unknown/misspelled keywords in a tool schema are bugs worth failing on
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    validateFormats: true,
  });
  addFormats(ajv);
  return ajv;
}

export function compileSchema(ajv, schema, what) {
  try {
    return ajv.compile(schema);
  } catch (e) {
    assert.fail(`${what} does not compile as JSON Schema 2020-12: ${e.message}\n${JSON.stringify(schema)}`);
  }
}

export function assertValid(validate, value, what) {
  const ok = validate(value);
  assert.ok(ok, `${what} does not match its schema:\n${JSON.stringify(validate.errors, null, 2)}\nvalue: ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------------------------------------
// Which tools can the suite call, and with what?

/**
 * Valid arguments for tools that need some. Tools whose inputSchema requires nothing are called
 * with {} automatically; add an entry here when a new tool has required arguments, so its
 * structuredContent is validated against its outputSchema by both suites.
 */
// Valid arguments per tool: tests/e2e/known_args/<tool>.json (one file per tool, so
// the tools' authors never edit this file).
const knownArgsDir = new URL('../known_args/', import.meta.url);
export const KNOWN_ARGS = Object.fromEntries(
  (fs.existsSync(knownArgsDir) ? fs.readdirSync(knownArgsDir) : [])
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.slice(0, -5), JSON.parse(fs.readFileSync(new URL(name, knownArgsDir), 'utf8'))]),
);
if (!Object.hasOwn(KNOWN_ARGS, 'get_server_stats')) KNOWN_ARGS.get_server_stats = {};

/**
 * Real values each tool's known_args call must answer: tests/e2e/known_values/<tool>.json is
 * {"source": where in /work/shared/data the values were read, "expect": {path: value}}. A path
 * walks structuredContent: `leaders[0].player`, `stats[code=PTS].values` (the array element
 * whose `code` is "PTS"), `rows[season=2023-24].pts`. Every tool the suite calls must have one.
 */
const knownValuesDir = new URL('../known_values/', import.meta.url);
export const KNOWN_VALUES = Object.fromEntries(
  (fs.existsSync(knownValuesDir) ? fs.readdirSync(knownValuesDir) : [])
    .filter((name) => name.endsWith('.json'))
    .map((name) => [name.slice(0, -5), JSON.parse(fs.readFileSync(new URL(name, knownValuesDir), 'utf8'))]),
);

/** The value at `path` (see KNOWN_VALUES) in `value`, or undefined when the path is absent. */
export function valueAt(value, path) {
  let here = value;
  for (const segment of path.split('.')) {
    const m = /^([^[\]]*)((?:\[[^\]]+\])*)$/.exec(segment);
    assert.ok(m, `bad path segment ${JSON.stringify(segment)} in ${path}`);
    if (m[1] !== '') here = here?.[m[1]];
    for (const [, index] of m[2].matchAll(/\[([^\]]+)\]/g)) {
      if (!Array.isArray(here)) return undefined;
      const eq = index.indexOf('=');
      if (eq < 0) {
        here = here[Number(index)];
      } else {
        const [key, want] = [index.slice(0, eq), index.slice(eq + 1)];
        here = here.find((item) => item !== null && typeof item === 'object' && String(item[key]) === want);
      }
    }
    if (here === undefined) return undefined;
  }
  return here;
}

/** Asserts the known values of `toolName` in its structuredContent. Returns how many were checked. */
export function checkKnownValues(toolName, structured) {
  const known = KNOWN_VALUES[toolName];
  assert.ok(known && Object.keys(known.expect ?? {}).length > 0,
    `${toolName}: no expected values; add tests/e2e/known_values/${toolName}.json with values read from the data`);
  for (const [path, want] of Object.entries(known.expect)) {
    assert.deepEqual(valueAt(structured, path), want,
      `${toolName}(${JSON.stringify(KNOWN_ARGS[toolName])}): structuredContent.${path} (source: ${known.source})`);
  }
  return Object.keys(known.expect).length;
}

export function requiredArgs(tool) {
  const req = tool.inputSchema?.required;
  return Array.isArray(req) ? req : [];
}

/** The arguments to call `tool` with, or undefined when the suite does not know valid ones. */
export function callableArgs(tool) {
  if (Object.hasOwn(KNOWN_ARGS, tool.name)) return KNOWN_ARGS[tool.name];
  if (requiredArgs(tool).length === 0) return {};
  return undefined;
}

export const TOOL_NAME_RE = /^[A-Za-z0-9_.-]{1,128}$/;

/** The text of all text content blocks of a tool result, joined. */
export function resultText(result) {
  return (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

/** A key no real tool accepts; with additionalProperties:false it must be rejected. */
export const BOGUS_ARG = 'e2e_not_an_argument';

/**
 * Static checks on one tools/list entry that hold in every era that has the field.
 */
export function checkToolDefinition(tool, ajv) {
  assert.match(tool.name, TOOL_NAME_RE, `tool name ${JSON.stringify(tool.name)}`);
  assert.equal(typeof tool.description, 'string', `${tool.name}: description`);
  assert.ok(tool.description.length > 0, `${tool.name}: empty description`);
  assert.equal(tool.inputSchema?.type, 'object', `${tool.name}: inputSchema root type must be "object"`);
  compileSchema(ajv, tool.inputSchema, `${tool.name}.inputSchema`);
  for (const r of requiredArgs(tool)) {
    assert.ok(tool.inputSchema.properties && Object.hasOwn(tool.inputSchema.properties, r),
      `${tool.name}: required argument ${r} is not in inputSchema.properties`);
  }
  if (tool.outputSchema !== undefined) {
    compileSchema(ajv, tool.outputSchema, `${tool.name}.outputSchema`);
  }
}

/**
 * Calls every tool the suite can call and validates each result: not an error, has content,
 * structuredContent (when an outputSchema is declared) matches it under 2020-12 rules, and holds
 * the tool's known values (KNOWN_VALUES).
 * `call(name, args)` is the SDK's callTool. Returns the names of the tools that were called.
 */
export async function callAndValidateEveryTool(tools, call, ajv, { requireObjectRoot }) {
  const called = [];
  for (const tool of tools) {
    const args = callableArgs(tool);
    if (args === undefined) continue;
    const inputOk = compileSchema(ajv, tool.inputSchema, `${tool.name}.inputSchema`);
    assertValid(inputOk, args, `the suite's arguments for ${tool.name}`);
    const result = await call(tool.name, args);
    assert.notEqual(result.isError, true, `${tool.name}(${JSON.stringify(args)}) returned isError: ${resultText(result)}`);
    assert.ok(Array.isArray(result.content) && result.content.length > 0, `${tool.name}: result has no content blocks`);
    for (const block of result.content) assert.equal(typeof block.type, 'string', `${tool.name}: content block without type`);
    if (tool.outputSchema !== undefined) {
      assert.ok(result.structuredContent !== undefined, `${tool.name} declares an outputSchema but returned no structuredContent`);
      if (requireObjectRoot) {
        assert.equal(typeof result.structuredContent, 'object', `${tool.name}: structuredContent must be an object in this era`);
        assert.ok(result.structuredContent !== null && !Array.isArray(result.structuredContent),
          `${tool.name}: structuredContent must be a JSON object in this era`);
      }
      const validate = compileSchema(ajv, tool.outputSchema, `${tool.name}.outputSchema`);
      assertValid(validate, result.structuredContent, `${tool.name}.structuredContent`);
      checkKnownValues(tool.name, result.structuredContent);
    }
    called.push(tool.name);
  }
  return called;
}

/**
 * Argument validation errors must be tool execution errors (isError: true) naming the argument
 * (SEP-1303). For every tool: an unknown argument (when additionalProperties is false) and, for
 * tools with required arguments, an empty argument object.
 */
export async function checkBadArgumentsEveryTool(tools, call) {
  let checked = 0;
  for (const tool of tools) {
    if (tool.inputSchema?.additionalProperties === false) {
      const args = { ...(callableArgs(tool) ?? {}), [BOGUS_ARG]: 1 };
      const result = await call(tool.name, args);
      assert.equal(result.isError, true, `${tool.name} accepted unknown argument ${BOGUS_ARG}: ${JSON.stringify(result)}`);
      assert.match(resultText(result), new RegExp(BOGUS_ARG), `${tool.name}: error text does not name the bad argument`);
      assert.equal(result.structuredContent, undefined, `${tool.name}: an isError result should not carry structuredContent`);
      checked++;
    }
    const req = requiredArgs(tool);
    if (req.length > 0) {
      const result = await call(tool.name, {});
      assert.equal(result.isError, true, `${tool.name} accepted {} although it requires ${req.join(', ')}`);
      const text = resultText(result);
      assert.ok(req.some((r) => text.includes(r)), `${tool.name}: error text ${JSON.stringify(text)} names none of ${req.join(', ')}`);
      checked++;
    }
  }
  return checked;
}

/**
 * Asserts `promise` rejects with a JSON-RPC error carrying `code`; returns the error. With `wire`,
 * the code is checked on the raw response the server sent (the v2 SDK normalizes some codes, e.g.
 * it surfaces a legacy -32002 as ResourceNotFoundError with code -32602).
 */
export async function expectRpcError(promise, code, what, wire) {
  const errorsBefore = wire ? wire.received.filter((m) => m.error !== undefined).length : 0;
  let err;
  try {
    await promise;
  } catch (e) {
    err = e;
  }
  assert.ok(err, `${what}: expected JSON-RPC error ${code}, but the call succeeded`);
  if (wire) {
    const errors = wire.received.filter((m) => m.error !== undefined);
    assert.equal(errors.length, errorsBefore + 1, `${what}: no error response on the wire (${err.message})`);
    const raw = errors.at(-1).error;
    assert.equal(raw.code, code, `${what}: server sent error code ${raw.code}, expected ${code}: ${JSON.stringify(raw)}`);
  } else {
    assert.equal(err.code, code, `${what}: expected error code ${code}, got ${err.code} (${err.message})`);
  }
  return err;
}

/**
 * completion/complete for every prompt argument and every resource-template variable (values must
 * be a string array of at most 100), and -32602 for an unknown reference. `complete` is the SDK's.
 */
export async function checkCompletions(prompts, templates, complete, wire) {
  const refs = [];
  for (const p of prompts) {
    for (const a of p.arguments ?? []) refs.push([{ type: 'ref/prompt', name: p.name }, a.name]);
  }
  for (const t of templates) {
    for (const m of t.uriTemplate.matchAll(/\{[+#./;?&]?([^}]+)\}/g)) {
      for (const v of m[1].split(',')) refs.push([{ type: 'ref/resource', uri: t.uriTemplate }, v.replace(/[*]|:\d+$/g, '')]);
    }
  }
  for (const [ref, name] of refs) {
    const res = await complete({ ref, argument: { name, value: '' } });
    const { values } = res.completion;
    assert.ok(Array.isArray(values) && values.length <= 100 && values.every((v) => typeof v === 'string'),
      `completion for ${JSON.stringify(ref)} ${name}: ${JSON.stringify(res.completion)}`);
  }
  await expectRpcError(complete({ ref: { type: 'ref/prompt', name: 'e2e_no_such_prompt' }, argument: { name: 'x', value: '' } }),
    -32602, 'completion for an unknown prompt', wire);
  return refs.length;
}

// ---------------------------------------------------------------------------------------------
// Prompts, completions and resource templates: content, not only shape

/**
 * Real arguments for every prompt (both have required arguments, so without these no prompt is
 * ever fetched) and what the one user message must name. SGA is NBA.com person 1628983 and
 * plays for OKC (/work/shared/data README and bbref 2024-25 per game).
 */
export const PROMPT_CALLS = {
  scouting_report: {
    arguments: { player: 'SGA' },
    description: 'Scouting report on Shai Gilgeous-Alexander',
    says: ['Write a scouting report on Shai Gilgeous-Alexander (player id 1628983, OKC)'],
  },
  matchup_preview: {
    arguments: { team_a: 'Celtics', team_b: 'Knicks' },
    description: 'Matchup preview: BOS vs NYK',
    says: ['the Boston Celtics (BOS) and the New York Knicks (NYK)'],
  },
};

/** Gets every listed prompt with PROMPT_CALLS' arguments and checks its message. */
export async function checkPromptsWithRealArguments(prompts, getPrompt) {
  const names = prompts.map((p) => p.name);
  assert.deepEqual([...names].sort(), Object.keys(PROMPT_CALLS).sort(),
    'every prompt needs real arguments in PROMPT_CALLS (tests/e2e/lib/harness.mjs)');
  for (const [name, call] of Object.entries(PROMPT_CALLS)) {
    const got = await getPrompt({ name, arguments: call.arguments });
    assert.equal(got.description, call.description, `${name} description`);
    assert.equal(got.messages.length, 1, `${name}: ${JSON.stringify(got.messages)}`);
    const [message] = got.messages;
    assert.equal(message.role, 'user');
    assert.equal(message.content.type, 'text');
    for (const text of call.says) assert.ok(message.content.text.includes(text), `${name}: ${JSON.stringify(message.content.text)} lacks ${JSON.stringify(text)}`);
  }
}

/**
 * What completion must offer for a typed prefix (names from bbref / NBA.com; 1628983 is SGA's
 * NBA.com id), accent-insensitively.
 */
export const COMPLETIONS = [
  { ref: { type: 'ref/prompt', name: 'scouting_report' }, argument: 'player', value: 'Gian', offers: 'Giannis Antetokounmpo' },
  { ref: { type: 'ref/prompt', name: 'scouting_report' }, argument: 'player', value: 'jokic', offers: 'Nikola Jokić' },
  { ref: { type: 'ref/prompt', name: 'matchup_preview' }, argument: 'team_a', value: 'Cel', offers: 'Boston Celtics', only: true },
  { ref: { type: 'ref/prompt', name: 'matchup_preview' }, argument: 'team_b', value: 'Knick', offers: 'New York Knicks', only: true },
  { ref: { type: 'ref/resource', uri: 'nba://players/{id}' }, argument: 'id', value: '162898', offers: '1628983' },
];

export async function checkCompletionContent(complete) {
  for (const c of COMPLETIONS) {
    const { completion } = await complete({ ref: c.ref, argument: { name: c.argument, value: c.value } });
    const what = `completing ${c.argument}=${JSON.stringify(c.value)} for ${JSON.stringify(c.ref)}`;
    assert.ok(completion.values.includes(c.offers), `${what} offers ${JSON.stringify(completion.values)}, not ${c.offers}`);
    if (c.only) assert.deepEqual(completion.values, [c.offers], what);
  }
  // A prefix nobody has offers nothing.
  const none = await complete({ ref: COMPLETIONS[0].ref, argument: { name: 'player', value: 'Zzzzq' } });
  assert.deepEqual(none.completion.values, []);
}

/** Reads nba://teams and nba://players/1628983 and checks what they say. */
export async function checkResourceContent(readResource) {
  const teams = JSON.parse((await readResource({ uri: 'nba://teams' })).contents[0].text);
  assert.equal(teams.teams.length, 30);
  const bos = teams.teams.find((t) => t.abbreviation === 'BOS');
  assert.equal(bos?.name, 'Boston Celtics', JSON.stringify(bos));
  assert.equal(bos?.conference, 'East');
  assert.equal(bos?.division, 'Atlantic');
  const read = await readResource({ uri: 'nba://players/1628983' });
  assert.equal(read.contents[0].uri, 'nba://players/1628983');
  const sga = JSON.parse(read.contents[0].text);
  assert.equal(sga.name, 'Shai Gilgeous-Alexander');
  // bbref 2024-25 per game: 76 games, 32.7 points.
  const line = sga.seasons.find((s) => s.season === '2024-25');
  assert.equal(line?.gp, 76, JSON.stringify(sga.seasons));
  assert.equal(line?.pts_pg, 32.7);
}
