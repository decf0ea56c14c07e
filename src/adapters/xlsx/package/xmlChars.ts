/** Character codes of XML markup, shared by the package layer's scanners (xmlScan, xmlTokenizer). */
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const BANG = 33;
export const QUESTION = 63;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const AMP = 38;
export const CR = 13;
