import { Link } from 'react-router';

export function NotFoundScreen() {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        Check the address, or go to <Link to="/">your actions</Link>.
      </p>
    </div>
  );
}
