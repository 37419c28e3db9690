package qda

import "github.com/coprod/coprod/internal/refiqda"

// CodebookREFI is a project's codebook as a REFI-QDA codebook (.qdc), with
// the same GUIDs, hierarchy, colours and descriptions as in the project's
// .qdpx export, so the two files agree about every code.
func CodebookREFI(codes []Code) (refiqda.CodeBook, error) {
	roots, err := Tree(codes)
	if err != nil {
		return refiqda.CodeBook{}, err
	}
	return refiqda.CodeBook{Origin: "Coprod", Codes: refiCodes(roots, nil)}, nil
}
