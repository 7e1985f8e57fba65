import type { SyntaxNode } from './syntax-tree.js'

/** feelin's built-in function names: a missing variable of that name evaluates to the function. */
export const FEELIN_BUILTIN_NAMES: ReadonlySet<string> = new Set(
  (
    'number,string,date,date and time,time,duration,years and months duration,@,now,today,not,' +
    'substring,string length,upper case,lower case,substring before,substring after,replace,' +
    'contains,matches,starts with,ends with,split,string join,list contains,list replace,count,' +
    'min,max,sum,mean,all,any,sublist,append,concatenate,insert before,remove,reverse,index of,' +
    'union,distinct values,flatten,product,median,stddev,mode,decimal,floor,ceiling,abs,round up,' +
    'round down,round half up,round half down,modulo,sqrt,log,exp,odd,even,is,before,after,meets,' +
    'met by,overlaps,overlaps before,overlaps after,finishes,finished by,includes,during,starts,' +
    'started by,coincides,day of year,day of week,month of year,week of year,sort,get value,' +
    'get entries,context,context merge,context put'
  ).split(','),
)

/** The name a VariableName, PathName or Name node spells: its words joined by one space. */
export function nameOf(source: string, node: SyntaxNode): string {
  const words = node.children.filter((child) => child.name === 'Identifier')
  if (words.length === 0) return compact(source.slice(node.from, node.to))
  return words.map((word) => source.slice(word.from, word.to)).join(' ')
}

/** feelin's key normalisation: one space around `. / - ' + * **`, runs of spaces collapsed. */
export function normalizeKey(name: string): string {
  return compact(name.replace(/\s*([./\-'+]|\*\*?)\s*/g, ' $1 ')).trim()
}

function compact(text: string): string {
  return text.replace(/\s{2,}/g, ' ')
}

const MAX_WORDS = 6
const HARD_STOP = /[()[\]{},:=<>!"?@\n]/
const TOKEN = /\*\*|[./\-'+*]|[^\s./\-'+*()[\]{},:=<>!"?@]+/gu

/**
 * Context keys that would make feelin read more of the source as this one name: parsed with the
 * real context, `a-b` is the variable "a-b" when the context has that key, and `terms and
 * conditions` one name. The compiled tree was parsed without a context, so evaluation defers to
 * the interpreter when the context holds any of these keys (spelled as written, normalised, or
 * without spaces around operators).
 */
export function longerNames(source: string, node: SyntaxNode): string[] {
  const ownWords = Math.max(1, node.children.filter((child) => child.name === 'Identifier').length)
  const rest = source.slice(node.from)
  const stop = rest.search(HARD_STOP)
  const span = stop === -1 ? rest : rest.slice(0, stop)
  const candidates = new Set<string>()
  let words = 0
  for (const match of span.matchAll(TOKEN)) {
    if (/^[./\-'+*]/.test(match[0])) continue
    if (++words > MAX_WORDS) break
    if (words <= ownWords) continue
    for (const spelling of spellings(span.slice(0, match.index + match[0].length))) {
      candidates.add(spelling)
    }
  }
  return [...candidates]
}

function spellings(text: string): string[] {
  const normal = normalizeKey(text)
  return [text, normal, normal.replace(/ ?([./\-'+]|\*\*?) ?/g, '$1')]
}
