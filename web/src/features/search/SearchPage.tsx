import { useInfiniteQuery } from '@tanstack/react-query'
import { Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { SearchBox } from '../../components/SearchBox'
import { SearchResultCard } from './SearchResultCard'

const PAGE = 20

/** 办事搜索: items and bundles by name, keyword or pinyin, found on the server. */
export function SearchPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const search = useInfiniteQuery({
    queryKey: ['search', q],
    initialPageParam: 0,
    queryFn: async ({ pageParam }) =>
      orThrow(
        await api.GET('/api/v1/catalog/search', {
          params: { query: { q, limit: PAGE, offset: pageParam } },
        }),
      ),
    getNextPageParam: (last) => {
      const next = last.offset + last.results.length
      return next < last.total ? next : undefined
    },
  })
  const hits = search.data?.pages.flatMap((p) => p.results) ?? []
  const total = search.data?.pages[0]?.total ?? 0
  return (
    <>
      <Typography.Title level={1}>{t('search.heading')}</Typography.Title>
      <SearchBox key={q} initial={q} onSearch={(next) => setParams(next ? { q: next } : {})} />
      {search.isPending && <Loading />}
      {search.isError && <LoadFailed error={search.error} />}
      {search.data && (
        <section aria-live="polite" aria-busy={search.isFetching}>
          <Typography.Paragraph className="result-count">
            {total === 0 ? t('search.empty') : t('search.results', { count: total })}
          </Typography.Paragraph>
          <ul className="result-list">
            {hits.map((hit) => (
              <li key={`${hit.kind}:${hit.code}`}>
                <SearchResultCard hit={hit} />
              </li>
            ))}
          </ul>
          {search.hasNextPage && (
            <Button
              className="more"
              loading={search.isFetchingNextPage}
              onClick={() => void search.fetchNextPage()}
            >
              {t('search.more')}
            </Button>
          )}
        </section>
      )}
    </>
  )
}
