/** The XML namespaces the package writer's parts declare (ECMA-376, transitional). */

/** SpreadsheetML: worksheets, styles, shared strings, the workbook. */
export const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Relationship ids inside a part (`r:id`) and the office document's relationship types. */
export const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** A `.rels` part's root. */
export const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
