import { useQuery } from '@tanstack/react-query'
import { Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'

/** The staff of my departments (GET /colleagues), loaded once per dialog session. */
function useColleagues() {
  return useQuery({
    queryKey: ['workbench', 'colleagues'],
    queryFn: async () => orThrow(await api.GET('/api/v1/colleagues')),
    staleTime: 5 * 60_000,
  })
}

interface Props {
  /** Several colleagues (抄送) or one (转办, 委派, 加签). */
  multiple?: boolean
  /** Set by the surrounding Form.Item. */
  value?: string | string[]
  onChange?: (value: string | string[]) => void
  id?: string
  'aria-label'?: string
}

/** Picks colleagues by name or account; the value is their staff ids, as the task API takes them. */
export function ColleagueSelect({ multiple = false, ...field }: Props) {
  const { t } = useTranslation()
  const { data, isLoading } = useColleagues()
  const options = (data ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}（${c.account}）`,
    search: `${c.name} ${c.account}`.toLowerCase(),
  }))
  return (
    <Select
      {...field}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      loading={isLoading}
      options={options}
      placeholder={t('workbench.colleagues.placeholder')}
      notFoundContent={t('workbench.colleagues.none')}
      filterOption={(input, option) => (option?.search ?? '').includes(input.trim().toLowerCase())}
    />
  )
}
