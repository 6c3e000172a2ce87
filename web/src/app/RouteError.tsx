import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * A screen that failed to load or to render, said in Chinese with a way out. On a village phone
 * the usual cause is the network: a screen's script or stylesheet did not arrive (a lazily loaded
 * chunk), which React Router would otherwise show as its English developer page.
 */
export function RouteError() {
  const error = useRouteError();
  const text = error instanceof Error ? error.message : '';
  const network =
    /dynamically imported module|Unable to preload CSS|Failed to fetch|Importing a module script failed|error loading dynamically/i.test(
      text,
    );
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main style={{ padding: 24, fontSize: 18, lineHeight: 1.6 }}>
      <h1>{notFound ? '页面不存在' : network ? '页面没有加载完整' : '页面出错了'}</h1>
      <p role="alert">
        {notFound
          ? '地址有误或页面已不存在。'
          : network
            ? '可能是网络不稳定或已断开。请在有信号的地方重新加载。'
            : '请重新加载页面；如果仍然出错，请联系管理员。'}
      </p>
      <p style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
        <button
          type="button"
          onClick={() => window.location.reload()}
          style={{ minHeight: 48, minWidth: 120, fontSize: 18 }}
        >
          重新加载
        </button>
        <a href="/" style={{ alignSelf: 'center', color: '#0b57a4' }}>
          返回首页
        </a>
      </p>
    </main>
  );
}
