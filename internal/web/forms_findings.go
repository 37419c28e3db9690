package web

import (
	"net/http"
	"strconv"

	"github.com/coprod/coprod/internal/findings"
)

// findingsEditForm reads the edit form: "points" says how many points it
// holds, and each point N has key_N, text_N, picture_N and include_N.
func findingsEditForm(r *http.Request) findings.Edit {
	n, _ := strconv.Atoi(r.PostFormValue("points"))
	if n < 0 || n > 1000 {
		n = 0
	}
	var e findings.Edit
	for i := 0; i < n; i++ {
		f := strconv.Itoa(i)
		e.Points = append(e.Points, findings.PointEdit{Key: r.PostFormValue("key_" + f), Text: r.PostFormValue("text_" + f),
			Picture: r.PostFormValue("picture_" + f), Include: r.PostFormValue("include_"+f) == "yes"})
	}
	return e
}
