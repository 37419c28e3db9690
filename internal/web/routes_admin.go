package web

// adminRoutes are the administrators' pages: accounts, invitations,
// organisations and the audit log.
func (s *Server) adminRoutes() []route {
	return []route{
		{"GET /admin", legacy(s.adminHome)},
		{"GET /admin/users", legacy(s.adminUsers)},
		{"GET /admin/users/{id}", legacy(s.adminUser)},
		{"POST /admin/users/{id}/disable", legacy(s.userDisable)},
		{"POST /admin/users/{id}/enable", legacy(s.userEnable)},
		{"POST /admin/users/{id}/assignments/{aid}/revoke", legacy(s.assignmentRevoke)},
		{"GET /admin/invitations/new", legacy(s.inviteNewForm)},
		{"POST /admin/invitations", legacy(s.inviteCreate)},
		{"GET /admin/organisations", legacy(s.adminOrgs)},
		{"GET /admin/organisations/new", legacy(s.orgNewForm)},
		{"POST /admin/organisations", legacy(s.orgCreate)},
		{"GET /admin/organisations/{id}", legacy(s.adminOrg)},
		{"POST /admin/organisations/{id}/members", legacy(s.orgAddMember)},
		{"GET /admin/audit", legacy(s.adminAudit)},
		{"GET /admin/audit.csv", legacy(s.adminAuditCSV)},
	}
}

// adminPages are the area's typed pages, for the template test (page_test.go).
var adminPages = []pageType{}
