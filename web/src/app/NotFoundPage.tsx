import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <main style={{ padding: 24 }}>
      <h1>页面不存在</h1>
      <p>
        <Link to="/">返回首页</Link>
      </p>
    </main>
  );
}
