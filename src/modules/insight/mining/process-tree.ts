/**
 * Process trees (Leemans et al.): leaves are activities or τ (the silent step); operators are
 * sequence →, exclusive choice ×, parallel ∧ and loop ↺. A loop's first child is its body, the
 * others are the alternative redo parts: ↺(A, B, C) = A (×(B, C) A)*.
 */
export type ProcessTree =
  | { readonly kind: 'activity'; readonly label: string }
  | { readonly kind: 'tau' }
  | { readonly kind: TreeOperator; readonly children: readonly ProcessTree[] }

export type TreeOperator = 'sequence' | 'xor' | 'parallel' | 'loop'

export const TAU: ProcessTree = { kind: 'tau' }

export function activity(label: string): ProcessTree {
  return { kind: 'activity', label }
}

/** →(…): nested sequences are flattened, τ children dropped (they change nothing). */
export function sequence(children: readonly ProcessTree[]): ProcessTree {
  const flat = flatten('sequence', children).filter((c) => c.kind !== 'tau')
  return collapse('sequence', flat)
}

/** ×(…): nested choices are flattened and τ is kept once. */
export function xor(children: readonly ProcessTree[]): ProcessTree {
  const flat = flatten('xor', children)
  const tau = flat.some((c) => c.kind === 'tau')
  return collapse('xor', [...flat.filter((c) => c.kind !== 'tau'), ...(tau ? [TAU] : [])])
}

/** ∧(…): nested parallels are flattened, τ children dropped. */
export function parallel(children: readonly ProcessTree[]): ProcessTree {
  const flat = flatten('parallel', children).filter((c) => c.kind !== 'tau')
  return collapse('parallel', flat)
}

/** ↺(body, redo…); a loop needs at least one redo part. */
export function loop(body: ProcessTree, redo: readonly ProcessTree[]): ProcessTree {
  if (redo.length === 0) throw new Error('a loop needs a redo part')
  return { kind: 'loop', children: [body, ...redo] }
}

function flatten(kind: TreeOperator, children: readonly ProcessTree[]): ProcessTree[] {
  return children.flatMap((c) => (c.kind === kind ? childrenOf(c) : [c]))
}

function collapse(kind: TreeOperator, children: ProcessTree[]): ProcessTree {
  if (children.length === 0) return TAU
  if (children.length === 1) return children[0] as ProcessTree
  return { kind, children }
}

export function childrenOf(tree: ProcessTree): readonly ProcessTree[] {
  return 'children' in tree ? tree.children : []
}

const SYMBOL: Record<TreeOperator, string> = {
  sequence: '→',
  xor: '×',
  parallel: '∧',
  loop: '↺',
}

/** The usual notation, e.g. →(a, ×(∧(b, c), e), d); children in their stored order. */
export function formatTree(tree: ProcessTree): string {
  switch (tree.kind) {
    case 'activity':
      return tree.label
    case 'tau':
      return 'τ'
    case 'sequence':
    case 'xor':
    case 'parallel':
    case 'loop':
      return `${SYMBOL[tree.kind]}(${tree.children.map(formatTree).join(', ')})`
  }
}

/**
 * The notation with the children of × and ∧ and the redo parts of ↺ sorted (their order carries
 * no meaning), so two trees
 * of the same behaviour by these operators compare equal as strings.
 */
export function canonicalTree(tree: ProcessTree): string {
  switch (tree.kind) {
    case 'activity':
    case 'tau':
      return formatTree(tree)
    case 'sequence':
      return `${SYMBOL[tree.kind]}(${tree.children.map(canonicalTree).join(', ')})`
    case 'loop': {
      const [body, ...redo] = tree.children.map(canonicalTree)
      return `${SYMBOL[tree.kind]}(${[body, ...redo.sort()].join(', ')})`
    }
    case 'xor':
    case 'parallel': {
      const parts = tree.children.map(canonicalTree).sort()
      return `${SYMBOL[tree.kind]}(${parts.join(', ')})`
    }
  }
}

/** The activity labels of a tree, each once, in first-seen order. */
export function treeActivities(tree: ProcessTree): string[] {
  const seen = new Set<string>()
  const walk = (t: ProcessTree): void => {
    if (t.kind === 'activity') seen.add(t.label)
    for (const c of childrenOf(t)) walk(c)
  }
  walk(tree)
  return [...seen]
}
