import { describe, expect, it } from 'vitest'
import { createAssignmentIndex } from './assignment-index.js'

describe('createAssignmentIndex', () => {
  it('groups loaded rows by staff member', () => {
    const index = createAssignmentIndex()
    index.load([
      { staffId: 's1', role: 'catalog_editor', departmentId: 'd1' },
      { staffId: 's1', role: 'dept_staff', departmentId: 'd2' },
      { staffId: 's2', role: 'auditor', departmentId: null },
    ])
    expect(index.get('s1')).toEqual([
      { role: 'catalog_editor', departmentId: 'd1' },
      { role: 'dept_staff', departmentId: 'd2' },
    ])
    expect(index.staffCount).toBe(2)
    expect(index.assignmentCount).toBe(3)
  })

  it('returns an empty list for an unknown staff member', () => {
    expect(createAssignmentIndex().get('nobody')).toEqual([])
  })

  it('replaces the whole index on a second load', () => {
    const index = createAssignmentIndex()
    index.load([{ staffId: 's1', role: 'dept_staff', departmentId: 'd1' }])
    index.load([{ staffId: 's2', role: 'dept_staff', departmentId: 'd1' }])
    expect(index.get('s1')).toEqual([])
    expect(index.assignmentCount).toBe(1)
  })

  it('replaces one staff member and keeps the counts right', () => {
    const index = createAssignmentIndex()
    index.load([{ staffId: 's1', role: 'dept_staff', departmentId: 'd1' }])
    index.replaceFor('s1', [
      { role: 'dept_approver', departmentId: 'd1' },
      { role: 'dept_approver', departmentId: 'd2' },
    ])
    expect(index.get('s1')).toHaveLength(2)
    expect(index.assignmentCount).toBe(2)
    index.replaceFor('s1', [])
    expect(index.staffCount).toBe(0)
    expect(index.assignmentCount).toBe(0)
  })

  it('stores copies that callers cannot mutate', () => {
    const index = createAssignmentIndex()
    const source = [{ role: 'dept_staff' as const, departmentId: 'd1' }]
    index.replaceFor('s1', source)
    source[0]!.departmentId = 'd9'
    expect(index.get('s1')[0]?.departmentId).toBe('d1')
    expect(Object.isFrozen(index.get('s1'))).toBe(true)
  })
})
