import { readFileSync } from 'node:fs'

/** The package version, read from package.json both from source (server/) and from the build (dist/server/). */
export const VERSION: string = (() => {
  for (const relative of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: string
        version?: string
      }
      if (pkg.name === 'mockupaws' && pkg.version) return pkg.version
    } catch {
      // not at this depth; try the next one
    }
  }
  return '0.0.0'
})()
