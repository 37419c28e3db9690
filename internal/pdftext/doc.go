// Package pdftext reads the text of a text-based PDF file, page by page,
// for coding policy documents (issue 18). It is written here on the
// standard library because no maintained pure-Go PDF text reader earned a
// dependency: the packages that read PDF text either render through a C
// library or stopped being released, and coding needs only the text and
// its page.
//
// It reads what common generators write: cross-reference tables and
// streams (PDF 1.5) with object streams, FlateDecode, ASCIIHexDecode and
// ASCII85Decode with PNG predictors, page trees with inherited resources,
// form XObjects, the text operators Tj, TJ, ' and ", simple fonts in the
// WinAnsi, Standard and MacRoman encodings with Differences, and composite
// fonts through their ToUnicode CMaps. Lines are joined into paragraphs by
// their spacing, so a sentence wrapped across lines stays one sentence.
//
// A file it cannot read gives one error saying why, in words a
// researcher can act on: encrypted, only images (scanned), or damaged.
// Every loop is bounded so a hostile file cannot hang or exhaust it.
package pdftext
