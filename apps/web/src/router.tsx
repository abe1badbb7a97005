import { AnchorHTMLAttributes, createContext, MouseEvent, ReactNode, useContext, useEffect, useState } from 'react';

/** A small history router: the app has a handful of pages, no nested routes. */
interface RouterState {
  path: string;
  /** How many times the app moved to another page; 0 on the page the browser loaded. */
  navigations: number;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | null>(null);

export function Router({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => window.location.pathname + window.location.search);
  const [navigations, setNavigations] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setPath(window.location.pathname + window.location.search);
      setNavigations((n) => n + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string, options?: { replace?: boolean }) => {
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setPath(to);
    setNavigations((n) => n + 1);
    window.scrollTo(0, 0);
  };
  return <RouterContext.Provider value={{ path, navigations, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside Router');
  return router;
}

/** The parameters of `pattern` (e.g. `/cases/:id`) in the current path, or null if it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(
    '^' + pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/?]+)')) + '(?:\\?.*)?$',
  );
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}

/** A real link (middle-click, copy address work) that navigates inside the app on a plain click. */
export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
