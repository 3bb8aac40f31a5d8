import { forwardRef, type AnchorHTMLAttributes, type MouseEvent, type ReactElement } from 'react';
import Link, { type LinkProps } from '@mui/material/Link';
import { navigate } from './portal-location';

/** @alpha */
export type PortalLinkProps = Omit<LinkProps, 'href'> & { to: string } & Pick<AnchorHTMLAttributes<HTMLAnchorElement>, 'target'>;

function isPlainLeftClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * A real `<a href>` (so middle-click and copy-link work) that navigates in-app on a plain click.
 * @alpha
 */
export const PortalLink = forwardRef<HTMLAnchorElement, PortalLinkProps>(function PortalLink({ to, onClick, ...rest }, ref): ReactElement {
  return (
    <Link
      ref={ref}
      href={to}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented && isPlainLeftClick(event) && rest.target !== '_blank') {
          event.preventDefault();
          navigate(to);
        }
      }}
      {...rest}
    />
  );
});
