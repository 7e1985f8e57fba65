import { describe, expect, it } from 'vitest'
import { principalEntity, resourceEntity } from './entities.js'
import { staff } from './test-fixtures.js'

const editor = staff(
  's1',
  { role: 'catalog_editor', departmentId: 'A' },
  { role: 'catalog_editor', departmentId: 'B' },
  { role: 'dept_staff', departmentId: 'B' },
)

describe('principalEntity', () => {
  it('carries only the grants for the resource department', () => {
    const item = { type: 'catalog.item', id: 'r1', departmentId: 'B' }
    const entity = principalEntity(editor, item, [])
    expect(entity).toEqual({
      uid: { type: 'Tongban::Staff', id: 's1' },
      attrs: { roles: [], roleDepts: { catalog_editor: ['B'], dept_staff: ['B'] } },
      parents: [],
    })
  })

  it('carries no department grants for a platform-wide resource', () => {
    const entity = principalEntity(editor, { type: 'calendar', id: 'c1' }, [])
    expect(entity.attrs).toEqual({ roles: [], roleDepts: {} })
  })
})

describe('resourceEntity', () => {
  it('includes department and owner when present', () => {
    const application = { type: 'application', id: 'a1', departmentId: 'A', ownerId: 'p1' }
    const entity = resourceEntity(application)
    expect(entity).toEqual({
      uid: { type: 'Tongban::Resource', id: 'application/a1' },
      attrs: {
        resourceType: 'application',
        department: 'A',
        owner: { __entity: { type: 'Tongban::Person', id: 'p1' } },
      },
      parents: [],
    })
  })

  it('omits null department and owner', () => {
    const entity = resourceEntity({ type: 'calendar', id: 'c1', departmentId: null, ownerId: null })
    expect(entity.attrs).toEqual({ resourceType: 'calendar' })
  })
})
