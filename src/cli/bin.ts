#!/usr/bin/env node
/** Entry point of the CLI bundle (dist/cli/index.js, the package's bin). */
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  isTty: process.stdout.isTTY === true,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined
})
