#!/usr/bin/env node
/**
 * Regenerates docs/summary.png, the README's picture of the job summary, from a real run:
 * the built action (dist/index.js) checks the sample organisation served by the Postiz stand-in
 * on 127.0.0.1, its GITHUB_STEP_SUMMARY is converted from GitHub-flavoured Markdown with `marked`,
 * and headless Chromium (Debian's `chromium` package) renders it to PNG.
 *
 * Avatars in the sample organisation are https URLs on example.com; to keep the browser off the
 * network they are replaced by inline SVG initials before rendering.
 *
 * Usage: npm run build && node scripts/render-summary-picture.mjs [output.png]
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { startPostizStandIn } from '../src/cli/demo/postiz-stand-in.js'
import { SAMPLE_INTEGRATIONS } from '../src/cli/demo/sample-organisation.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const output = resolve(process.argv[2] ?? join(root, 'docs', 'summary.png'))
const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(path => spawnSync(path, ['--version']).status === 0)
if (!browser) {
  console.error('Chromium is needed: apt-get install chromium')
  process.exit(2)
}

const key = 'picture-demo-key'
const standIn = await startPostizStandIn({ integrations: SAMPLE_INTEGRATIONS, apiKey: key })
const dir = mkdtempSync(join(tmpdir(), 'summary-picture-'))
const summaryFile = join(dir, 'summary.md')
writeFileSync(summaryFile, '')
writeFileSync(join(dir, 'output.txt'), '')
const inputs = {
  'api-key': key,
  'api-url': standIn.baseUrl,
  integrations:
    'x=x:acme\nlinkedin=linkedin-page:acme-inc\nbluesky=bluesky:acme.bsky.social\nmastodon=mastodon:*\nblog=cm4e9rq8z0001w8w1old0id00\ntwitter:acme',
  customer: '',
  'fail-on': 'missing,disabled',
  timeout: '30',
  retries: '3',
  'job-summary': 'true',
  'allow-insecure-http': 'false'
}
/** @type {Record<string, string | undefined>} */
const env = { PATH: process.env.PATH, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: join(dir, 'output.txt'), RUNNER_TEMP: dir }
for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
// Asynchronously: the stand-in answers from this very process.
await new Promise(done => spawn(process.execPath, [join(root, 'dist', 'index.js')], { env, stdio: 'ignore' }).on('close', done))
await standIn.close()

const markdown = readFileSync(summaryFile, 'utf8')
/** An inline SVG avatar, so the browser fetches nothing. @param {number} n */
const avatar = n => {
  const colours = ['#1d9bf0', '#0a66c2', '#0085ff', '#6364ff', '#e1306c']
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><circle cx="10" cy="10" r="10" fill="${colours[n % colours.length]}"/></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
let count = 0
// The table of every entry is shown unfolded, as after a click on its summary line.
const html = (await marked.parse(markdown, { gfm: true }))
  .replace(/src="https:\/\/[^"]*"/g, () => `src="${avatar(count++)}"`)
  .replace('<details><summary>All ', '<details open><summary>All ')
const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
  body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; padding: 24px 32px; background: #fff; width: 1012px; box-sizing: border-box; }
  h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; margin-top: 0; }
  table { border-collapse: collapse; margin: 12px 0; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; vertical-align: top; }
  th { background: #f6f8fa; font-weight: 600; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #eff1f3; padding: .2em .4em; border-radius: 6px; }
  img { vertical-align: middle; border-radius: 50%; }
  details summary { cursor: pointer; }
</style></head><body><div class="markdown-body">${html}</div></body></html>`
const pageFile = join(dir, 'summary.html')
writeFileSync(pageFile, page)

execFileSync(
  browser,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--hide-scrollbars',
    `--user-data-dir=${join(dir, 'profile')}`,
    `--screenshot=${output}`,
    // 1012 px: the width of a job summary on github.com at a common window size.
    '--window-size=1012,960',
    `file://${pageFile}`
  ],
  { stdio: 'ignore' }
)
rmSync(dir, { recursive: true, force: true })
console.log(`wrote ${output}`)
