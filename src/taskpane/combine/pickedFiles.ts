import type { Field, Role } from "../../core/columns";
import type { MappingOverride } from "../../core/types";
import type { Inspection } from "../host";
import {
  buildOverrides,
  findMappingProblems,
  initMapping,
  mappingReducer,
  type MappingAction,
  type MappingState,
} from "../mappingState";
import type { PickedFile } from "./readClient";

/** One picked file in the Team view: what was detected in it (once read) and the user's mapping for it alone. */
export interface PickedFileState {
  file: PickedFile;
  /** Undefined while the worker reads it. */
  inspection?: Inspection;
  /** The words for a file that cannot be read. */
  error?: string;
  mapping: MappingState;
}

export type PickedAction =
  | { type: "picked"; files: readonly PickedFile[] }
  | { type: "inspected"; index: number; inspection: Inspection }
  | { type: "failed"; index: number; message: string }
  | { type: "mapping"; index: number; action: MappingAction };

/**
 * The picked files' state: a new pick starts afresh; each file's detection arrives on its own;
 * a mapping change applies to that file only (the single workbook's mappingReducer).
 * @example pickedFilesReducer([], { type: "picked", files: [a] }) → [{ file: a, mapping: initMapping(undefined) }]
 */
export function pickedFilesReducer(state: readonly PickedFileState[], action: PickedAction): PickedFileState[] {
  if (action.type === "picked") return action.files.map((file) => ({ file, mapping: initMapping(undefined) }));
  return state.map((f, i) => {
    if (i !== action.index) return f;
    switch (action.type) {
      case "inspected":
        return { file: f.file, inspection: action.inspection, mapping: initMapping(action.inspection.detection) };
      case "failed":
        return { file: f.file, error: action.message, mapping: f.mapping };
      case "mapping":
        return { ...f, mapping: mappingReducer(f.mapping, action.action) };
    }
  });
}

/** What the file's chosen sheets lack, as the Review view's detection shows it. */
export function fileProblems(f: PickedFileState): Partial<Record<Role, Field[][]>> {
  return findMappingProblems(f.mapping, f.inspection);
}

/** The overrides this file is read with in the run: undefined when the user changed nothing (its saved ones stand). */
export function fileOverrides(f: PickedFileState): Partial<Record<Role, MappingOverride>> | undefined {
  return buildOverrides(f.mapping, f.inspection?.detection, f.inspection?.settings.overrides);
}

/** Every file is read, none failed, and none lacks a column its chosen sheets need. */
export function filesReady(files: readonly PickedFileState[]): boolean {
  return files.every((f) => f.inspection !== undefined && Object.keys(fileProblems(f)).length === 0);
}
