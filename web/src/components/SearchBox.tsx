import { Button, Input } from 'antd'
import { SearchOutlined } from '@ant-design/icons'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The one search box (home and search page): name, keyword or pinyin initials. */
export function SearchBox({
  initial,
  onSearch,
}: {
  initial: string
  onSearch: (q: string) => void
}) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  return (
    <form
      role="search"
      className="search-form"
      onSubmit={(e) => {
        e.preventDefault()
        onSearch(value.trim())
      }}
    >
      <Input
        type="search"
        name="q"
        size="large"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={value}
        maxLength={50}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="primary" htmlType="submit" size="large" icon={<SearchOutlined />}>
        {t('search.submit')}
      </Button>
    </form>
  )
}
