import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { lazy } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AppShell } from './AppShell'
import { NotFoundPage } from './NotFoundPage'
import { PreferencesProvider, usePreferences } from './preferences'
import { elderlyTheme, standardTheme } from './theme'

// One chunk per page: the portal's first load carries only the shell and the page it opens.
const HomePage = lazy(() =>
  import('../features/home/HomePage').then((m) => ({ default: m.HomePage })),
)
const SearchPage = lazy(() =>
  import('../features/search/SearchPage').then((m) => ({ default: m.SearchPage })),
)
const ItemPage = lazy(() =>
  import('../features/catalog/ItemPage').then((m) => ({ default: m.ItemPage })),
)
const BundlePage = lazy(() =>
  import('../features/catalog/BundlePage').then((m) => ({ default: m.BundlePage })),
)
const ApplyPage = lazy(() =>
  import('../features/apply/ApplyPage').then((m) => ({ default: m.ApplyPage })),
)
const MyApplicationsPage = lazy(() =>
  import('../features/my-applications/MyApplicationsPage').then((m) => ({
    default: m.MyApplicationsPage,
  })),
)
const ApplicationPage = lazy(() =>
  import('../features/my-applications/ApplicationPage').then((m) => ({
    default: m.ApplicationPage,
  })),
)
const SignInPage = lazy(() =>
  import('../features/sign-in/SignInPage').then((m) => ({ default: m.SignInPage })),
)

const QueuePage = lazy(() =>
  import('../features/workbench/QueuePage').then((m) => ({ default: m.QueuePage })),
)
const TaskPage = lazy(() =>
  import('../features/workbench/TaskPage').then((m) => ({ default: m.TaskPage })),
)
const WorkOrdersPage = lazy(() =>
  import('../features/workbench/WorkOrdersPage').then((m) => ({ default: m.WorkOrdersPage })),
)

// The admin console and its own routes: one chunk the portal never loads.
const AdminApp = lazy(() =>
  import('../features/admin/AdminApp').then((m) => ({ default: m.AdminApp })),
)

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
})

function Themed() {
  const { elderly, locale } = usePreferences()
  return (
    <ConfigProvider
      locale={locale === 'en' ? enUS : zhCN}
      theme={elderly ? elderlyTheme : standardTheme}
      wave={{ disabled: elderly }}
      button={{ autoInsertSpace: false }}
    >
      <AppShell>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/items/:code" element={<ItemPage />} />
          <Route path="/bundles/:code" element={<BundlePage />} />
          <Route path="/apply/:kind/:code" element={<ApplyPage />} />
          <Route path="/my/applications" element={<MyApplicationsPage />} />
          <Route path="/my/applications/:id" element={<ApplicationPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/workbench" element={<QueuePage />} />
          <Route path="/workbench/tasks/:id" element={<TaskPage />} />
          <Route path="/workbench/work-orders" element={<WorkOrdersPage />} />
          <Route path="/admin/*" element={<AdminApp />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppShell>
    </ConfigProvider>
  )
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <PreferencesProvider>
          <Themed />
        </PreferencesProvider>
      </BrowserRouter>
    </QueryClientProvider>
  )
}
