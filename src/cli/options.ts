import { parseArgs } from "node:util";

/** The command line's options, as `main` parses them. */
const CLI_OPTIONS = {
  out: { type: "string", short: "o" },
  month: { type: "string" },
  lang: { type: "string" },
  "in-place": { type: "boolean" },
  plan: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses the command line's arguments; throws (a TypeError) on an unknown option or a missing value. */
export function parseCliArgs(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: CLI_OPTIONS });
}

/** Whether parsed arguments ask for the team review (combineMain): several inputs, not in place, not help. */
export function asksTeamReview(args: ReturnType<typeof parseCliArgs>): boolean {
  return args.positionals.length > 1 && args.values["in-place"] !== true && args.values.help !== true;
}

/**
 * Whether `argv` asks for the team review; false when it cannot be parsed (`main` then says
 * why). bin/sales-review.js asks, to start a team review in a Node with its V8 flags.
 */
export function isTeamReview(argv: string[]): boolean {
  try {
    return asksTeamReview(parseCliArgs(argv));
  } catch {
    return false;
  }
}
