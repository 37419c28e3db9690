package web

// adminRoutes are the administrators' pages: accounts, invitations,
// organisations and the audit log.
func (s *Server) adminRoutes() []route {
	return []route{
		{"GET /admin", s.adminHome},
		{"GET /admin/users", s.adminUsers},
		{"GET /admin/users/{id}", s.adminUser},
		{"POST /admin/users/{id}/disable", s.userDisable},
		{"POST /admin/users/{id}/enable", s.userEnable},
		{"POST /admin/users/{id}/assignments/{aid}/revoke", s.assignmentRevoke},
		{"GET /admin/invitations/new", s.inviteNewForm},
		{"POST /admin/invitations", s.inviteCreate},
		{"GET /admin/organisations", s.adminOrgs},
		{"GET /admin/organisations/new", s.orgNewForm},
		{"POST /admin/organisations", s.orgCreate},
		{"GET /admin/organisations/{id}", s.adminOrg},
		{"POST /admin/organisations/{id}/members", s.orgAddMember},
		{"GET /admin/audit", s.adminAudit},
		{"GET /admin/audit.csv", s.adminAuditCSV},
	}
}

// adminPages are the area's typed pages, for the template test (page_test.go).
var adminPages = []pageType{adminHomePage, adminUsersPage, adminUserPage, adminInvitePage, adminLinkPage,
	adminOrgsPage, adminOrgNewPage, adminOrgPage, adminAuditPage}
