/**
 * Postiz stand-ins (and any other loopback server) for one e2e test file, closed after each test.
 * Call once at the top of a file: `const { postiz, answering, track } = loopbackServers([X])`.
 */
import { afterEach } from '@jest/globals'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { startPostizStandIn, type StandIn, type StandInIntegration, type StandInOptions } from '../../src/cli/demo/postiz-stand-in.js'
import { API_KEY } from './fixtures.js'

interface Closable {
  close: () => Promise<void>
}

export function loopbackServers(integrations: StandInIntegration[]) {
  const open: Closable[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map(server => server.close()))
  })
  /** Closes `server` after the test. */
  const track = <T extends Closable>(server: T): T => {
    open.push(server)
    return server
  }
  /** A stand-in serving `integrations` for API_KEY, with `options` on top. */
  const postiz = async (options: StandInOptions = {}): Promise<StandIn> => track(await startPostizStandIn({ integrations, apiKey: API_KEY, ...options }))
  /** A stand-in whose every request is answered by `respond` (the request count starts at 1). */
  const answering = (respond: (res: ServerResponse, count: number, req: IncomingMessage) => void): Promise<StandIn> =>
    postiz({
      fault: (req, res, count) => {
        respond(res, count, req)
        return true
      }
    })
  return { track, postiz, answering }
}
