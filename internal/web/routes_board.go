package web

// boardRoutes are the public board's pages and exports: no sign-in.
func (s *Server) boardRoutes() []route {
	return []route{
		{"GET /board", s.board},
		{"GET /board/rounds", s.boardRounds},
		{"GET /board/items/{id}", s.boardItem},
		{"GET /board/items/{id}/easy-read", s.boardItemEasyRead},
		{"GET /board.json", s.boardJSON},
		{"GET /board.csv", s.boardCSV},
		{"GET /board/feed.atom", s.boardFeed},
		{"GET /board/checkpoint.json", s.boardCheckpoint},
		{"GET /board/peer", s.boardPeerShow},
		{"GET /board/peer.csv", s.boardPeerCSV},
	}
}

// publicBoardPages are the area's typed pages, for the template test (page_test.go).
var publicBoardPages = []pageType{boardListPage, boardItemPage, boardEasyReadPage, boardRoundsPage, boardPeerPage}
