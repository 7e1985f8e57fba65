import { runCommandLine } from './cli/command-line.js'

// runCommandLine reports every failure itself and answers 1; -1 means a server keeps running.
void runCommandLine(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exit(code)
})
