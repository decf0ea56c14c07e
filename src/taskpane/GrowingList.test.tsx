import { renderToString } from "react-dom/server";
import { GrowingList } from "./GrowingList";
import { nextShown } from "./useShownCount";

const items = Array.from({ length: 250 }, (_, i) => `item ${i}`);
const row = (item: string, i: number) => (
  <li key={i} data-i={i}>
    {item}
  </li>
);
const shownIndexes = (html: string) => [...html.matchAll(/data-i="(\d+)"/g)].map((m) => Number(m[1]));

describe("GrowingList", () => {
  it("renders the first step of rows at once, in order", () => {
    const html = renderToString(
      <ul>
        <GrowingList items={items} render={row} step={100} />
      </ul>,
    );
    expect(shownIndexes(html)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(html).toContain('<li data-i="99">item 99</li>');
  });

  it("renders a list shorter than a step whole", () => {
    const html = renderToString(<GrowingList items={items.slice(0, 3)} render={row} step={100} />);
    expect(html).toBe('<li data-i="0">item 0</li><li data-i="1">item 1</li><li data-i="2">item 2</li>');
  });

  it("renders nothing of no items", () => {
    expect(renderToString(<GrowingList items={[]} render={row} />)).toBe("");
  });
});

describe("nextShown", () => {
  it("adds a step of rows per call, and stops at the end", () => {
    const seen: number[] = [];
    for (let n = nextShown(0, 250, 100); ; n = nextShown(n, 250, 100)) {
      seen.push(n);
      if (n === 250) break;
    }
    expect(seen).toEqual([100, 200, 250]);
  });

  it("shows nothing of an empty list", () => {
    expect(nextShown(0, 0, 100)).toBe(0);
  });
});
