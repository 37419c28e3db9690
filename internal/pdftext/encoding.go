package pdftext

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// baseEncoding is a simple font's byte-to-character table.
type baseEncoding [256]rune

// winAnsi is Windows code page 1252, PDF's WinAnsiEncoding.
var winAnsi = fromCharmap(charmap.Windows1252)

// macRoman is PDF's MacRomanEncoding (Mac OS Roman).
var macRoman = fromCharmap(charmap.Macintosh)

func fromCharmap(cm *charmap.Charmap) baseEncoding {
	var e baseEncoding
	for i := range 256 {
		e[i] = cm.DecodeByte(byte(i))
	}
	return e
}

// standard is Adobe's StandardEncoding, the default of Type 1 fonts: ASCII
// with curly quotes, and its own upper half (PDF 1.7, Annex D).
var standard = func() baseEncoding {
	var e baseEncoding
	for i := 32; i < 127; i++ {
		e[i] = rune(i)
	}
	e['\''], e['`'] = '’', '‘'
	upper := map[byte]rune{
		0xA1: '¡', 0xA2: '¢', 0xA3: '£', 0xA4: '⁄', 0xA5: '¥', 0xA6: 'ƒ', 0xA7: '§', 0xA8: '¤', 0xA9: '\'',
		0xAA: '“', 0xAB: '«', 0xAC: '‹', 0xAD: '›', 0xAE: 'ﬁ', 0xAF: 'ﬂ', 0xB1: '–', 0xB2: '†', 0xB3: '‡',
		0xB4: '·', 0xB6: '¶', 0xB7: '•', 0xB8: '‚', 0xB9: '„', 0xBA: '”', 0xBB: '»', 0xBC: '…', 0xBD: '‰',
		0xBF: '¿', 0xC1: '`', 0xC2: '´', 0xC3: 'ˆ', 0xC4: '˜', 0xC5: '¯', 0xC6: '˘', 0xC7: '˙', 0xC8: '¨',
		0xCA: '˚', 0xCB: '¸', 0xCD: '˝', 0xCE: '˛', 0xCF: 'ˇ', 0xD0: '—', 0xE1: 'Æ', 0xE3: 'ª', 0xE8: 'Ł',
		0xE9: 'Ø', 0xEA: 'Œ', 0xEB: 'º', 0xF1: 'æ', 0xF5: 'ı', 0xF8: 'ł', 0xF9: 'ø', 0xFA: 'œ', 0xFB: 'ß',
	}
	for b, r := range upper {
		e[b] = r
	}
	return e
}()

// glyphNames are the Adobe glyph names that Differences arrays use for
// the characters of the encodings above; names of letters and digits
// that are the character itself ("a", "Z") are handled in glyph, and the
// accented letters in composed.
var glyphNames = map[string]string{
	"space": " ", "exclam": "!", "quotedbl": "\"", "numbersign": "#", "dollar": "$", "percent": "%",
	"ampersand": "&", "quotesingle": "'", "parenleft": "(", "parenright": ")", "asterisk": "*", "plus": "+",
	"comma": ",", "hyphen": "-", "period": ".", "slash": "/", "colon": ":", "semicolon": ";", "less": "<",
	"equal": "=", "greater": ">", "question": "?", "at": "@", "bracketleft": "[", "backslash": "\\",
	"bracketright": "]", "asciicircum": "^", "underscore": "_", "grave": "`", "braceleft": "{", "bar": "|",
	"braceright": "}", "asciitilde": "~", "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4",
	"five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
	"quoteleft": "‘", "quoteright": "’", "quotedblleft": "“", "quotedblright": "”", "quotesinglbase": "‚",
	"quotedblbase": "„", "endash": "–", "emdash": "—", "bullet": "•", "ellipsis": "…", "dagger": "†",
	"daggerdbl": "‡", "perthousand": "‰", "guilsinglleft": "‹", "guilsinglright": "›", "guillemotleft": "«",
	"guillemotright": "»", "Euro": "€", "sterling": "£", "cent": "¢", "yen": "¥", "section": "§",
	"paragraph": "¶", "copyright": "©", "registered": "®", "trademark": "™", "degree": "°", "plusminus": "±",
	"multiply": "×", "divide": "÷", "periodcentered": "·", "exclamdown": "¡", "questiondown": "¿",
	"fi": "fi", "fl": "fl", "ff": "ff", "ffi": "ffi", "ffl": "ffl", "nbspace": " ", "sfthyphen": "-",
	"AE": "Æ", "ae": "æ", "OE": "Œ", "oe": "œ", "Oslash": "Ø", "oslash": "ø", "germandbls": "ß",
	"Eth": "Ð", "eth": "ð", "Thorn": "Þ", "thorn": "þ", "dotlessi": "ı", "Lslash": "Ł", "lslash": "ł",
	"minus": "−", "fraction": "⁄", "florin": "ƒ", "onehalf": "½", "onequarter": "¼", "threequarters": "¾",
}

// composed holds the precomposed letters for a base letter and accent.
var composed = map[string]string{}

func init() {
	// The accented capitals of WinAnsi and MacRoman; each small letter's
	// name is its capital's with a small first letter.
	letters := map[rune]string{
		'À': "Agrave", 'Á': "Aacute", 'Â': "Acircumflex", 'Ã': "Atilde", 'Ä': "Adieresis", 'Å': "Aring",
		'Ç': "Ccedilla", 'È': "Egrave", 'É': "Eacute", 'Ê': "Ecircumflex", 'Ë': "Edieresis", 'Ì': "Igrave",
		'Í': "Iacute", 'Î': "Icircumflex", 'Ï': "Idieresis", 'Ñ': "Ntilde", 'Ò': "Ograve", 'Ó': "Oacute",
		'Ô': "Ocircumflex", 'Õ': "Otilde", 'Ö': "Odieresis", 'Ù': "Ugrave", 'Ú': "Uacute", 'Û': "Ucircumflex",
		'Ü': "Udieresis", 'Ý': "Yacute", 'Ÿ': "Ydieresis", 'Š': "Scaron", 'Ž': "Zcaron",
	}
	for r, n := range letters {
		composed[n] = string(r)
		composed[strings.ToLower(n[:1])+n[1:]] = strings.ToLower(string(r))
	}
}

// glyph returns the text of a glyph name, or "" if it is not known.
func glyph(n string) string {
	if s, ok := glyphNames[n]; ok {
		return s
	}
	if s, ok := composed[n]; ok {
		return s
	}
	if len(n) == 1 && (n[0] >= 'a' && n[0] <= 'z' || n[0] >= 'A' && n[0] <= 'Z') {
		return n
	}
	// uniXXXX (one or more code units) and uXXXX[XX].
	if strings.HasPrefix(n, "uni") && len(n) >= 7 && (len(n)-3)%4 == 0 {
		var b strings.Builder
		for i := 3; i < len(n); i += 4 {
			v, err := strconv.ParseUint(n[i:i+4], 16, 16)
			if err != nil {
				return ""
			}
			b.WriteRune(rune(v))
		}
		return b.String()
	}
	if strings.HasPrefix(n, "u") && len(n) >= 5 && len(n) <= 7 {
		if v, err := strconv.ParseUint(n[1:], 16, 32); err == nil && v <= 0x10FFFF {
			return string(rune(v))
		}
	}
	return ""
}
