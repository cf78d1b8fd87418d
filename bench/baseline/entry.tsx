/**
 * The bare framework Fieldbook stands on, used the way an app uses it, built alone: the
 * baseline the officer's first load is measured against (bench/bundle-size.ts).
 * It uses the same parts of each library the app does, so tree-shaking treats both alike.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Dexie, type EntityTable } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { Workbox } from 'workbox-window';

const db = new Dexie('baseline') as Dexie & { items: EntityTable<{ id: string; text: string }, 'id'> };
db.version(1).stores({ items: 'id' });
new Workbox('/sw.js').addEventListener('waiting', () => undefined);

function Screen() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [n, setN] = useState(0);
  const items = useLiveQuery(() => db.items.toArray(), []);
  return (
    <div onClick={() => void navigate(`/${n}`)}>
      {id}
      {params.get('q')}
      {location.pathname}
      {items?.length}
      <button onClick={() => setN(n + 1)}>+</button>
      <Link to="/a">a</Link>
      <NavLink to="/b">b</NavLink>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Routes>
        <Route path="/:id" element={<Screen />} />
        <Route path="*" element={<Navigate to="/a" />} />
      </Routes>
    </BrowserRouter>
  </StrictMode>,
);
