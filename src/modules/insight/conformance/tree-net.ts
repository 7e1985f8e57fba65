import type { ProcessTree } from '../mining/process-tree.js'
import { NetBuilder, type PetriNet } from './petri-net.js'

/**
 * The usual translation of a process tree into a workflow net: each node between an entry and
 * an exit place; ∧ and ↺ get invisible split/join (enter/exit) transitions so that a loop's redo
 * never returns into a place an enclosing choice could still leave by another branch.
 * Elements are named by the node's path from the root: '' the root, '0.2' its first child's third.
 */
export function treeToPetriNet(tree: ProcessTree): PetriNet {
  const net = new NetBuilder()
  const source = net.place('source')
  const sink = net.place('sink')
  const build = (node: ProcessTree, from: number, to: number, path: string): void => {
    const child = (i: number) => (path === '' ? String(i) : `${path}.${i}`)
    switch (node.kind) {
      case 'activity':
        return net.transition(path, node.label, [from], [to])
      case 'tau':
        return net.transition(path, null, [from], [to])
      case 'sequence': {
        let at = from
        node.children.forEach((c, i) => {
          const next = i === node.children.length - 1 ? to : net.place(`${child(i)}>`)
          build(c, at, next, child(i))
          at = next
        })
        return
      }
      case 'xor':
        return node.children.forEach((c, i) => build(c, from, to, child(i)))
      case 'parallel': {
        const ins = node.children.map((_, i) => net.place(`>${child(i)}`))
        const outs = node.children.map((_, i) => net.place(`${child(i)}>`))
        net.transition(`${path}+split`, null, [from], ins)
        node.children.forEach((c, i) => build(c, ins[i]!, outs[i]!, child(i)))
        return net.transition(`${path}+join`, null, outs, [to])
      }
      case 'loop': {
        const head = net.place(`${path}↺head`)
        const tail = net.place(`${path}↺tail`)
        net.transition(`${path}+enter`, null, [from], [head])
        node.children.forEach((c, i) =>
          i === 0 ? build(c, head, tail, child(i)) : build(c, tail, head, child(i)),
        )
        return net.transition(`${path}+exit`, null, [tail], [to])
      }
    }
  }
  build(tree, source, sink, '')
  return net.build(source, sink)
}
