package web

// boardRoutes are the public board's pages and exports: no sign-in.
func (s *Server) boardRoutes() []route {
	return []route{
		{"GET /board", legacy(s.board)},
		{"GET /board/items/{id}", legacy(s.boardItem)},
		{"GET /board/items/{id}/easy-read", legacy(s.boardItemEasyRead)},
		{"GET /board.json", legacy(s.boardJSON)},
		{"GET /board.csv", legacy(s.boardCSV)},
		{"GET /board/feed.atom", legacy(s.boardFeed)},
	}
}

// publicBoardPages are the area's typed pages, for the template test (page_test.go).
var publicBoardPages = []pageType{}
