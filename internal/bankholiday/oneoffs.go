package bankholiday

import "time"

// oneOff is a change proclaimed for one year: a holiday added, or a
// rule's day moved (from the date the rule gives to another).
type oneOff struct {
	name      string
	on        time.Time
	movedFrom time.Time // zero when the holiday is added, not moved
}

// oneOffs are the proclamations since FirstYear, from GOV.UK's bank
// holiday data and the London Gazette. Each so far has applied in all
// three divisions. Add a new one when it is proclaimed; the rules cannot
// foresee them.
var oneOffs = []oneOff{
	{"Spring bank holiday", date(2002, time.June, 4), date(2002, time.May, 27)},
	{"Queen’s Golden Jubilee", date(2002, time.June, 3), time.Time{}},
	{"Royal wedding", date(2011, time.April, 29), time.Time{}},
	{"Spring bank holiday", date(2012, time.June, 4), date(2012, time.May, 28)},
	{"Queen’s Diamond Jubilee", date(2012, time.June, 5), time.Time{}},
	{"Early May bank holiday (VE day)", date(2020, time.May, 8), date(2020, time.May, 4)},
	{"Spring bank holiday", date(2022, time.June, 2), date(2022, time.May, 30)},
	{"Platinum Jubilee bank holiday", date(2022, time.June, 3), time.Time{}},
	{"Bank Holiday for the State Funeral of Queen Elizabeth II", date(2022, time.September, 19), time.Time{}},
	{"Bank holiday for the coronation of King Charles III", date(2023, time.May, 8), time.Time{}},
}

func applyOneOffs(year int, hs []Holiday) []Holiday {
	for _, o := range oneOffs {
		if o.on.Year() != year {
			continue
		}
		if !o.movedFrom.IsZero() {
			for i, h := range hs {
				if h.Date.Equal(o.movedFrom) {
					hs = append(hs[:i], hs[i+1:]...)
					break
				}
			}
		}
		hs = append(hs, Holiday{o.on, o.name})
	}
	return hs
}
