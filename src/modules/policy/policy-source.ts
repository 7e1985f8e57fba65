import { loadPolicyYaml, type LoadPolicyResult } from './rules/load-policy.js'

/** A policy as authored: its YAML and the DMN files the YAML refers to, by name. */
export interface PolicySource {
  source: string
  files: Readonly<Record<string, string>>
}

/** Loads and compiles an authored policy; a missing DMN file is an issue at its reference. */
export function loadPolicySource({ source, files }: PolicySource): Promise<LoadPolicyResult> {
  return loadPolicyYaml(source, {
    readFile: (name) => {
      const xml = Object.hasOwn(files, name) ? files[name] : undefined
      if (xml === undefined)
        throw new Error(`not attached (attached: ${Object.keys(files).join(', ') || 'none'})`)
      return xml
    },
  })
}
