package transcript

import (
	"strings"
	"testing"
)

// Character references in captions decode to the characters the HTML
// standard gives them, named ones beyond the few WebVTT lists included;
// direction marks vanish and what is not a whole reference stays as text.
func TestCaptionCharacterReferences(t *testing.T) {
	tr := mustRead(t, FormatVTT, "WEBVTT\n\n"+
		"00:01.000 --> 00:02.000\n<v Sam>Caf&eacute; at &frac12; past?</v>\n\n"+
		"00:02.000 --> 00:03.000\n<v Alex>We&rsquo;ll go&nbsp;&#233;&#xE9; &lrm;now&rlm; &amp; then &copyright; &madeup;.</v>\n")
	got := []string{}
	for _, u := range tr.Utterances {
		got = append(got, u.Speaker+"|"+u.Text)
	}
	want := "Sam|Café at ½ past? Alex|We’ll go éé now & then &copyright; &madeup;."
	if strings.Join(got, " ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " "), want)
	}
}
