// Benchmark anchor: the reference atproto OAuth client (@atproto/oauth-client-node 0.5.3) signs in
// against the test PDS and does one forced refresh, counting every HTTP request it makes.
//
// Usage: node signin.mjs <config.json>   (or config JSON in SIGNIN_CONFIG)
//   { "handle": "alice.test", "plcUrl": "...", "handleResolver": "<pds url>",
//     "browser": ["python", "tests/e2e/browser_driver.py"],   // gets the URL as last argument
//     "browserEnv": { "DRIVER_USERNAME": ..., "DRIVER_PASSWORD": ..., "DRIVER_ACTION": ... },
//     "scope": "atproto transition:generic", "refresh": true, "refreshDelayMs": 0,
//     "xrpc": ["com.atproto.server.getSession"] }   // authenticated GETs after sign-in
// DESKTOP_APP_TEST_OAUTH_CLIENT_MODULES names the node_modules dir from scripts/ensure-node.sh.
// Prints one JSON line: { ok, did, error?, signIn: {total, requests}, refresh: {...}, tokens }.
// Uses the atproto "http://localhost" development client with a loopback redirect URI.

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'

const config = process.argv[2]
  ? JSON.parse(fs.readFileSync(process.argv[2], 'utf8'))
  : JSON.parse(process.env.SIGNIN_CONFIG ?? '{}')

const modulesDir = process.env.DESKTOP_APP_TEST_OAUTH_CLIENT_MODULES
if (!modulesDir) {
  console.error('DESKTOP_APP_TEST_OAUTH_CLIENT_MODULES is not set (run scripts/ensure-node.sh)')
  process.exit(2)
}
const req = createRequire(path.join(path.dirname(modulesDir), 'package.json'))

// Count every request by phase. Wrapped before the client exists so that every default
// `fetch` it captures is this one.
let phase = 'signIn'
const requests = { signIn: [], refresh: [], xrpc: [] }
const tokens = []
const realFetch = globalThis.fetch
globalThis.fetch = async (input, init) => {
  const request = new Request(input, init)
  const url = new URL(request.url)
  const entry = { method: request.method, host: url.host, path: url.pathname }
  requests[phase].push(entry)
  const response = await realFetch(request)
  entry.status = response.status
  entry.dpopNonce = response.headers.has('dpop-nonce')
  if (url.pathname === '/oauth/token' && response.ok) {
    const body = await response.clone().json()
    tokens.push({ phase, expires_in: body.expires_in, scope: body.scope })
  }
  return response
}

const { NodeOAuthClient } = await import(
  pathToFileURL(req.resolve('@atproto/oauth-client-node')).href
)

function memoryStore() {
  const map = new Map()
  return {
    async get(key) { return map.get(key) },
    async set(key, value) { map.set(key, value) },
    async del(key) { map.delete(key) },
  }
}

function summary(list) {
  const counts = {}
  for (const r of list) {
    const key = `${r.method} ${r.host}${r.path}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return { total: list.length, counts, requests: list }
}

async function main() {
  // The callback listener: the driver delivers the redirect here like a browser would.
  let onCallback
  const callback = new Promise((resolve) => (onCallback = resolve))
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1')
    if (url.pathname !== '/callback') {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': 'text/plain' }).end('You can close this window.')
    onCallback(url.searchParams)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const redirectUri = `http://127.0.0.1:${server.address().port}/callback`
  const scope = config.scope ?? 'atproto transition:generic'
  const clientId = `http://localhost?${new URLSearchParams({ redirect_uri: redirectUri, scope })}`

  const client = new NodeOAuthClient({
    clientMetadata: {
      client_id: clientId,
      redirect_uris: [redirectUri],
      scope,
      response_types: ['code'],
      grant_types: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      dpop_bound_access_tokens: true,
    },
    stateStore: memoryStore(),
    sessionStore: memoryStore(),
    // Development only: http issuer/PDS on localhost, a local PLC, XRPC handle resolution.
    allowHttp: true,
    plcDirectoryUrl: config.plcUrl,
    handleResolver: config.handleResolver,
    requestLock: async (_name, fn) => fn(),
  })

  const result = { ok: false }
  try {
    const url = await client.authorize(config.handle, { scope })
    result.authorizationUrl = url.href
    const [cmd, ...args] = config.browser ?? ['xdg-open']
    const browser = spawn(cmd, [...args, url.href], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...(config.browserEnv ?? {}) },
    })
    const exited = new Promise((resolve) => browser.on('exit', (code) => resolve(code)))
    const params = await Promise.race([
      callback,
      exited.then((code) => {
        throw new Error(`browser exited with ${code} before the callback`)
      }),
    ])
    await exited
    result.callback = Object.fromEntries(params)
    const { session } = await client.callback(params, { redirect_uri: redirectUri })
    result.did = session.did
    if (config.refresh !== false) {
      // TEST-ONLY: lets a test outlive a short refresh/session lifetime before refreshing.
      if (config.refreshDelayMs) await new Promise((r) => setTimeout(r, config.refreshDelayMs))
      phase = 'refresh'
      await client.restore(session.did, true)
    }
    // A few authenticated XRPC calls, to see what the resource server answers (DPoP-Nonce).
    phase = 'xrpc'
    for (const nsid of config.xrpc ?? []) {
      const res = await session.fetchHandler(`/xrpc/${nsid}`)
      await res.arrayBuffer()
    }
    result.ok = true
  } catch (err) {
    result.error = `${err?.constructor?.name ?? 'Error'}: ${err?.message ?? err}`
    if (err?.params) result.errorParams = Object.fromEntries(err.params)
  } finally {
    server.close()
  }
  result.signIn = summary(requests.signIn)
  result.refresh = summary(requests.refresh)
  result.xrpc = summary(requests.xrpc)
  result.tokens = tokens
  process.stdout.write(JSON.stringify(result) + '\n')
}

await main()
process.exit(0)
