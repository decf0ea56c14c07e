import { useEffect, useRef } from "react";

/**
 * A ref whose element takes the focus when it first appears (give it tabIndex={-1} if it is
 * not a control): a screen reader then reads it, and the keyboard goes on from there.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
