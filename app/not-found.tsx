import { NotFoundBody } from './NotFoundBody';

export const metadata = { title: '404' };

export default function NotFound() {
  return <NotFoundBody />;
}
