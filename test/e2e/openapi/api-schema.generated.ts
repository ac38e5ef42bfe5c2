// Generated from /api/docs-json by openapi-typescript in test/e2e/openapi.e2e.ts: do not edit.
// Regenerate with UPDATE_API_CLIENT=1 npx vitest run --project e2e openapi.
export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process answers and the database is reachable */
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (from the moment it listens, migrations or not) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 503 while migrations run, while the demo is created, when shutting down, or when the database does not answer */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (bearer METRICS_TOKEN) */
        get: operations["MetricsController_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/signing-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's public signing key (Ed25519) and its fingerprint */
        get: operations["SigningController_signingKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest audit rows of the caller's committee (secretariat, administrators); delegation-tier rows redacted */
        get: operations["AuditController_latest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain and report the first broken link */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; returns a bearer token and sets the session cookie */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the session */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a user; returns the one-time link to set a password */
        post: operations["AuthController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/accept-invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a password from an invitation link and sign in */
        post: operations["AuthController_acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's users (secretariat) */
        get: operations["AuthController_users"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All committees (public) */
        get: operations["CommitteesController_list"];
        put?: never;
        /** Create a committee (administrator) */
        post: operations["CommitteesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One committee (public) */
        get: operations["CommitteesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a committee (secretariat) */
        patch: operations["CommitteesController_update"];
        trace?: never;
    };
    "/api/committees/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's sessions (public) */
        get: operations["CommitteesController_sessions"];
        put?: never;
        /** Create a session (secretariat) */
        post: operations["CommitteesController_createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session (public) */
        get: operations["CommitteesController_session"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a session (secretariat) */
        patch: operations["CommitteesController_updateSession"];
        trace?: never;
    };
    "/api/committees/{committeeId}/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's delegations (public) */
        get: operations["DelegationsController_list"];
        put?: never;
        /** Create a delegation (secretariat) */
        post: operations["DelegationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delegation (public) */
        get: operations["DelegationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update a delegation (secretariat) */
        patch: operations["DelegationsController_update"];
        trace?: never;
    };
    "/api/delegations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delegation's members, confirmed and pending (its head only) */
        get: operations["DelegationMembersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations/{id}/members/{userId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a pending member, who then acts for the delegation (its head only) */
        post: operations["DelegationMembersController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member from the delegation and sign it out everywhere (its head only) */
        delete: operations["DelegationMembersController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's instruments (committee tier) */
        get: operations["InstrumentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/instruments/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a base text (plain text, Markdown or DOCX) as a new instrument (secretariat) */
        post: operations["InstrumentsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One instrument (committee tier) */
        get: operations["InstrumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an instrument's titles (secretariat) */
        patch: operations["InstrumentsController_update"];
        trace?: never;
    };
    "/api/instruments/{id}/text": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The base text in one language, numbered (committee tier) */
        get: operations["InstrumentsController_text"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{instrumentId}/drafting-spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a drafting space on an instrument's base text (delegation members) */
        post: operations["DraftingSpacesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's delegation's drafting spaces */
        get: operations["DraftingSpacesController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One drafting space (owning and co-sponsoring delegations only) */
        get: operations["DraftingSpacesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The drafting space as a Word file to edit offline and upload again (its changes as tracked changes) */
        get: operations["WordBridgeController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/word/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a Word file (tracked changes, a clean amended text or a round trip) would change in the space; writes nothing */
        post: operations["WordBridgeController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/word/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a previewed Word file to the live space as one change, merged with what members typed meanwhile */
        post: operations["WordBridgeController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a drafting space as a proposal (head of the owning delegation) */
        post: operations["ProposalsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/co-sponsors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Invite a delegation to co-sponsor (head of the owning delegation) */
        post: operations["ProposalsController_invite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/co-sponsors/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation to co-sponsor (head of the invited delegation) */
        post: operations["ProposalsController_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/co-sponsors/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline an invitation to co-sponsor (head of the invited delegation) */
        post: operations["ProposalsController_decline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/drafting-spaces/{id}/co-sponsors/{delegationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw an invitation or remove a co-sponsor (head of the owning delegation) */
        delete: operations["ProposalsController_removeCoSponsor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposals the caller may read, newest first */
        get: operations["ProposalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal with its change set, supporters and history */
        get: operations["ProposalsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a proposal (head of the sponsoring delegation) */
        post: operations["ProposalsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what became of a proposal (secretariat) */
        post: operations["ProposalsController_outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/support": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Declare the caller's delegation's support (head of another delegation) */
        post: operations["ProposalsController_support"];
        /** Withdraw the caller's delegation's support */
        delete: operations["ProposalsController_unsupport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The threads on a target that the caller may see, with their replies and anchors */
        get: operations["CommentsController_list"];
        put?: never;
        /** Open a thread on a range of a live document, a proposal or a provision of a published revision */
        post: operations["CommentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events of a target's comments that the caller may see: ready, thread-created, reply-added, comment-edited, thread-resolved, thread-reopened */
        get: operations["CommentsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The thread of a comment */
        get: operations["CommentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit one's own comment */
        patch: operations["CommentsController_edit"];
        trace?: never;
    };
    "/api/comments/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reply in the thread of a comment */
        post: operations["CommentsController_reply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve the thread of a comment (its author, its delegation, the secretariat on committee threads) */
        post: operations["CommentsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved thread */
        post: operations["CommentsController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/desk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per article, the consolidated text beside every proposal received for it (secretariat) */
        get: operations["CompilationController_view"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the decision on a proposal, on its changes to one provision, or on one change, for the next compilation (secretariat) */
        put: operations["CompilationController_decide"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/compile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compile the decided proposals into the live consolidated draft (secretariat) */
        post: operations["CompilationController_compile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/provisions/{provisionId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a provision's status: open, informally-agreed, agreed-ad-referendum (secretariat, chair); reopening agreed text needs a reason */
        put: operations["CompilationController_setStatus"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/provisions/status-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history of provision statuses of a consolidated draft */
        get: operations["CompilationController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{document}/provenance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the text of a range of a live document came from, with links to the proposals */
        get: operations["CompilationController_provenance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current article numbers of the live draft, frozen or inserted since (bis, ter …) */
        get: operations["NumberingController_numbers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/consultations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Chair's view of informal consultations: each article's number, status, proposals and open comments (chair, secretariat) */
        get: operations["NumberingController_consultations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/renumber": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renumber the articles by order in every language, rewrite cross-references and record the concordance (secretariat) */
        post: operations["NumberingController_renumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/renumberings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every renumbering of the instrument with its concordance (old number to new, per provision id) */
        get: operations["NumberingController_renumberings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a revision in one language: Akoma Ntoso XML, DOCX or HTML */
        get: operations["RevisionsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/compilation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The compilation of proposals received, per provision, in no order of priority (HTML or DOCX) */
        get: operations["RevisionsController_compilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/compilation/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the compilation of proposals, which makes the listed proposals public (secretariat) */
        post: operations["RevisionsController_publishCompilation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An instrument's revisions the caller may read, newest first */
        get: operations["RevisionsController_list"];
        put?: never;
        /** Publish the consolidated draft as an immutable revision (secretariat) */
        post: operations["RevisionsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A revision in one language (by id or document symbol) */
        get: operations["RevisionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a revision: its SHA-256 over the canonical content, the server's signature and its publication record */
        get: operations["RevisionsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A revision as signed, to verify with the public key alone (revision:verify <file>) */
        get: operations["RevisionsController_signed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/compare/{other}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two revisions (or a revision with `live`): concordance and word changes, JSON or HTML */
        get: operations["RevisionsController_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/languages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a language version of the consolidated draft (secretariat) */
        post: operations["RevisionsController_addLanguage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/languages/stale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The queue of translated nodes that do not render the original’s current text */
        get: operations["RevisionsController_stale"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/languages/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm translated nodes as rendering the original’s current text (secretariat) */
        post: operations["RevisionsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/instruments/{id}/languages/translate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Translate one provision’s own words run by run, keeping brackets and attribution (secretariat) */
        post: operations["RevisionsController_translate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a public revision: Akoma Ntoso XML, DOCX or HTML */
        get: operations["PublicController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/compilations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published compilations of proposals, newest first */
        get: operations["PublicController_compilations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/compilations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A published compilation of proposals (HTML or DOCX) */
        get: operations["PublicController_compilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public revisions, newest first */
        get: operations["PublicController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A public revision in one language */
        get: operations["PublicController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a public revision: its content hash, the server's signature and its publication record */
        get: operations["PublicController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/signed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A public revision as signed, to verify with the public key alone (revision:verify <file>) */
        get: operations["PublicController_signed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/compare/{other}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compare two public revisions */
        get: operations["PublicController_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom feed of new public revisions and compilations */
        get: operations["PublicController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/compare/{other}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Two revisions (or a revision and `live`, the consolidated draft) as a Word document with tracked changes */
        get: operations["ComparisonDocxController_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/compare/{other}/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Two public revisions as a Word document with tracked changes */
        get: operations["ComparisonDocxController_publicRevisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/proposals/{id}/compare/docx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A proposal against its base as a Word document with tracked changes by its sponsors */
        get: operations["ComparisonDocxController_proposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/committees/{committeeId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The committee's record as files with a manifest of hashes, in a ZIP (the secretariat or an administrator) */
        get: operations["ArchiveController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's inbox, newest first, with the number of unread items */
        get: operations["InboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events of the caller's inbox: ready (unread count), item, read */
        get: operations["InboxController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all of the caller's items read */
        post: operations["InboxController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of the caller's items read */
        post: operations["InboxController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comment periods of the caller's committee that the caller may read, newest first */
        get: operations["CommentPeriodsController_list"];
        put?: never;
        /** Open a call for written comments on a published revision or compilation of proposals (secretariat) */
        post: operations["CommentPeriodsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comment period with its history */
        get: operations["CommentPeriodsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend the deadline of a comment period (secretariat) */
        post: operations["CommentPeriodsController_extend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a comment period, early or after its deadline (secretariat) */
        post: operations["CommentPeriodsController_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the comments received and their dispositions (secretariat) */
        post: operations["CommentPeriodsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/written-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The written comments of a period that the caller may read (their own drafts included) */
        get: operations["CommentPeriodsController_writtenComments"];
        put?: never;
        /** Start the caller's delegation's written comment as a private draft (members of the delegation or observer organization) */
        post: operations["CommentPeriodsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comments matrix: JSON, CSV or XLSX, filtered by commenter, provision and disposition */
        get: operations["CommentPeriodsController_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comment-periods/{id}/compilation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The compilation of comments received, HTML or DOCX */
        get: operations["CommentPeriodsController_compilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/written-comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A written comment with its remarks and the dispositions the caller may see */
        get: operations["CommentPeriodsController_getComment"];
        /** Replace the remarks of the caller's delegation's draft */
        put: operations["CommentPeriodsController_update"];
        post?: never;
        /** Discard the caller's delegation's draft */
        delete: operations["CommentPeriodsController_discard"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/written-comments/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a written comment (head of the delegation, or the observer organization); immutable from then on */
        post: operations["CommentPeriodsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/written-remarks/{id}/dispositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the disposition of a remark, with a response and where it was addressed (secretariat) */
        post: operations["CommentPeriodsController_dispose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/revisions/{id}/written-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Written remarks on this revision and earlier ones, where their provisions are now (changed, moved or deleted marked) */
        get: operations["CommentPeriodsController_followed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comment-periods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comment periods on public texts, newest first */
        get: operations["PublicCommentsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comment-periods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comment period on a public text */
        get: operations["PublicCommentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comment-periods/{id}/written-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published written comments of a period, with their published dispositions */
        get: operations["PublicCommentsController_writtenComments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comment-periods/{id}/matrix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The comments matrix of published comments: JSON, CSV or XLSX */
        get: operations["PublicCommentsController_matrix"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comment-periods/{id}/compilation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The compilation of published comments, HTML or DOCX */
        get: operations["PublicCommentsController_compilation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/revisions/{id}/written-comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published remarks on a public revision and its predecessors, where their provisions are now */
        get: operations["PublicCommentsController_followed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/comments.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom feed of published written comments */
        get: operations["PublicCommentsController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your e-mail settings: immediate, daily digest or none, and the language */
        get: operations["MailController_settings"];
        /** Change your e-mail settings */
        put: operations["MailController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server's outgoing e-mail, newest first, with failures and their reasons (administrators) */
        get: operations["MailController_outbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/mail/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a given-up e-mail again (administrators) */
        post: operations["MailController_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LoginDto: {
            /** @example secretariat@concord.test */
            email: string;
            /** @example concord-demo-2026 */
            password: string;
        };
        InviteDto: {
            /** @example delegate@mission.example */
            email: string;
            /** @example Amina Haddad */
            displayName: string;
            roles: ("delegate" | "head-of-delegation" | "secretariat" | "chair" | "observer" | "admin")[];
            /** @description Required for delegates and heads of delegation */
            delegationId?: string;
            committeeId: string;
            /**
             * @description Language of the invitation e-mail and of later e-mail to this person (English when omitted)
             * @enum {string}
             */
            language?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
        };
        AcceptInvitationDto: {
            token: string;
            /** @description No common, breached or contextual passwords */
            password: string;
        };
        CreateCommitteeDto: {
            /** @example Ad Hoc Committee on Countering the Use of ICTs for Criminal Purposes */
            name: string;
            /**
             * @description Symbol stem of the committee documents
             * @example A/AC.291
             */
            symbolPrefix: string;
            description?: string;
        };
        UpdateCommitteeDto: {
            /** @example Ad Hoc Committee on Countering the Use of ICTs for Criminal Purposes */
            name?: string;
            /**
             * @description Symbol stem of the committee documents
             * @example A/AC.291
             */
            symbolPrefix?: string;
            description?: string;
        };
        CreateSessionDto: {
            /**
             * @description 0 for the organizational session
             * @example 1
             */
            number: number;
            /** @example First session */
            title: string;
            /** @example New York */
            venue: string;
            /** @example 2027-01-10 */
            startDate: string;
            /** @example 2027-01-21 */
            endDate: string;
            /** @example 2026-12-15T23:59:00Z */
            proposalDeadline: string;
        };
        UpdateSessionDto: {
            /**
             * @description 0 for the organizational session
             * @example 1
             */
            number?: number;
            /** @example First session */
            title?: string;
            /** @example New York */
            venue?: string;
            /** @example 2027-01-10 */
            startDate?: string;
            /** @example 2027-01-21 */
            endDate?: string;
            /** @example 2026-12-15T23:59:00Z */
            proposalDeadline?: string;
        };
        LocalizedNamesDto: {
            /** @example مصر */
            ar?: string;
            /** @example 埃及 */
            zh?: string;
            /** @example Egypt */
            en?: string;
            /** @example Égypte */
            fr?: string;
            /** @example Египет */
            ru?: string;
            /** @example Egipto */
            es?: string;
        };
        CreateDelegationDto: {
            /** @example EGY */
            code: string;
            /** @enum {string} */
            kind: "member-state" | "group" | "observer-organization" | "secretariat";
            names: components["schemas"]["LocalizedNamesDto"];
            /** @description Groups this delegation belongs to, such as the EU */
            groupIds?: string[];
        };
        UpdateDelegationDto: {
            /** @example EGY */
            code?: string;
            /** @enum {string} */
            kind?: "member-state" | "group" | "observer-organization" | "secretariat";
            names?: components["schemas"]["LocalizedNamesDto"];
            /** @description Groups this delegation belongs to, such as the EU */
            groupIds?: string[];
        };
        ImportInstrumentDto: {
            /** @description Title per language; a JSON string in multipart forms */
            titles: components["schemas"]["LocalizedNamesDto"];
            /** @enum {string} */
            originalLanguage: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            /**
             * @description docx when a file is uploaded; text or markdown with content
             * @enum {string}
             */
            format?: "text" | "markdown" | "docx";
            /** @description The text, for the text and markdown formats */
            content?: string;
        };
        UpdateInstrumentDto: {
            titles: components["schemas"]["LocalizedNamesDto"];
        };
        CreateDraftingSpaceDto: {
            /** @example Article 4: sovereignty */
            title: string;
            /**
             * @description Language of the base text the space drafts on
             * @enum {string}
             */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            /** @description Ids of the articles to draft on; all when omitted */
            provisionIds?: string[];
        };
        ApplyWordDto: {
            /** @description The SHA-256 digest the preview returned for this file (hex) */
            digest: string;
        };
        SubmitProposalDto: {
            /** @description Why the delegation proposes this text; stored as written */
            justification: string;
            /** @description The session it is submitted for; the current or next session when omitted */
            sessionId?: string;
            /** @description An earlier proposal of the delegation that this one replaces */
            supersedesId?: string;
        };
        CoSponsorDto: {
            /** @description The delegation invited to co-sponsor */
            delegationId: string;
        };
        SetOutcomeDto: {
            /** @enum {string} */
            status: "incorporated" | "partially-incorporated" | "presented-as-option" | "not-retained";
        };
        CommentAnchorDto: {
            /** @description Base64 of Y.encodeRelativePosition of the range's start (y-prosemirror absolutePositionToRelativePosition) */
            start: string;
            /** @description Base64 of Y.encodeRelativePosition of the range's end */
            end: string;
            /** @description The text of the range, as the author saw it selected */
            quote: string;
        };
        CreateThreadDto: {
            /** @enum {string} */
            targetKind: "document" | "proposal" | "revision";
            /** @description A document name (consolidated:<instrument id>:<language> or space:<id>), a proposal id or a revision id */
            targetId: string;
            /** @description The provision of a revision the thread is about (revision targets only) */
            provisionId?: string;
            /** @description The commented range (document targets only, where it is required) */
            anchor?: components["schemas"]["CommentAnchorDto"];
            /**
             * @description Who sees the thread; limited by the target and by what the author may publish
             * @enum {string}
             */
            tier: "delegation" | "committee" | "public";
            /** @description Plain text, stored as written */
            body: string;
        };
        CommentBodyDto: {
            /** @description Plain text, stored as written */
            body: string;
        };
        DecisionDto: {
            /** @enum {string} */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            /** @enum {string} */
            decision: "incorporate" | "present-as-option" | "not-retain";
            /** @description Decide only the changes to this provision (an article id, #title or #preamble) */
            provision?: string;
            /** @description Decide only this one change of the provision (its key on the desk); incorporate or not-retain */
            change?: string;
        };
        CompileDto: {
            /** @enum {string} */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            /** @description Put incorporated text that is not yet agreed in brackets */
            bracketIncorporated?: boolean;
        };
        ProvisionStatusDto: {
            /** @enum {string} */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            /** @enum {string} */
            status: "open" | "informally-agreed" | "agreed-ad-referendum";
            /** @description Why the provision is reopened; required to take agreed text back to open */
            reason?: string;
        };
        LanguageVersionDto: {
            /** @enum {string} */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
        };
        PublishRevisionDto: {
            /**
             * @description The first publication's symbol; later ones get /Rev.N
             * @example A/AC.291/22
             */
            symbol?: string;
            /**
             * @description Date of the document; today when omitted
             * @example 2027-01-10
             */
            date?: string;
            /** @enum {string} */
            tier: "committee" | "public";
            /** @description Language versions to publish; all that exist when omitted */
            languages?: ("ar" | "zh" | "en" | "fr" | "ru" | "es")[];
            /** @description Publish language versions with stale nodes anyway; the revision records them */
            confirmStale?: boolean;
        };
        ConfirmTranslationDto: {
            nodeIds: string[];
        };
        TranslateProvisionDto: {
            /** @description Id of the node of the original whose own words are translated */
            nodeId: string;
            /** @description The translation of each run of the original’s own words, in order */
            texts: string[];
        };
        OpenCommentPeriodDto: {
            /** @enum {string} */
            targetKind: "revision" | "compilation";
            /** @description The published revision or published compilation of proposals */
            targetId: string;
            title: string;
            /**
             * @description When submissions stop being on time; later ones are accepted and flagged late
             * @example 2027-02-01T17:00:00Z
             */
            deadline: string;
            /**
             * @description Publish each comment as it arrives, or all of them when the secretariat publishes after the close
             * @enum {string}
             */
            publication: "on-arrival" | "at-close";
            /** @description Whether observer organizations may submit (public texts only) */
            allowObservers: boolean;
        };
        ExtendCommentPeriodDto: {
            /** @example 2027-02-08T17:00:00Z */
            deadline: string;
        };
        RemarkDto: {
            /** @description Stable id of the provision (article or paragraph) of the text; omitted for a general remark */
            provisionId?: string;
            /** @description Plain text, stored as written */
            body: string;
            /** @description Wording the commenter proposes instead */
            proposedWording?: string;
        };
        NewWrittenCommentDto: {
            /**
             * @description The language of submission
             * @enum {string}
             */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            remarks: components["schemas"]["RemarkDto"][];
            /** @description The delegation's submitted comment this one will supersede once submitted */
            supersedesId?: string;
        };
        WrittenCommentDto: {
            /**
             * @description The language of submission
             * @enum {string}
             */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            remarks: components["schemas"]["RemarkDto"][];
        };
        DispositionDto: {
            /** @enum {string} */
            disposition: "accepted" | "accepted-in-part" | "not-accepted" | "noted" | "to-be-discussed";
            response: string;
            /** @description The revision where the remark was addressed */
            addressedRevisionId?: string;
            /** @description The provision of that revision */
            addressedProvisionId?: string;
        };
        MailSettingsDto: {
            /**
             * @description immediate: one e-mail per inbox item; daily: one digest a day; off: none
             * @enum {string}
             */
            delivery: "immediate" | "daily" | "off";
            /** @enum {string} */
            language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
        };
        /** @description An article's number: frozen (`"7.1"`) and as printed in the asked language. */
        ArticleNumberView: {
            provisionId: string;
            number: string;
            label: string;
            /** @description Whether the number is stored (frozen), or derived (an article inserted since the last numbering). */
            frozen: boolean;
        };
        /** @description The article numbers of a consolidated draft in one language. */
        ArticleNumbersView: {
            language: components["schemas"]["Language"];
            items: components["schemas"]["ArticleNumberView"][];
        };
        /** @description An audit row as a client sees it: in full, or redacted to the fact that a delegation-tier action happened. */
        AuditEntryView: {
            seq: number;
            at: string;
            actorId: string | null;
            action: string;
            entityType: string;
            entityId: string;
            before: unknown;
            after: unknown;
            hash: string;
            /**
             * @description True on a row about another delegation's delegation-tier record: everything but the time is withheld.
             * @constant
             */
            redacted?: true;
        };
        /** @description Where the audit chain first breaks, or that it holds. */
        AuditVerdictView: {
            /** @constant */
            ok: true;
            rows: number;
            lastHash: string;
        } | {
            /** @constant */
            ok: false;
            rows: number;
            seq: number;
            reason: string;
        };
        /**
         * @description Whether a block of text exists in both documents, and if so whether its words differ.
         * @enum {string}
         */
        BlockChange: "added" | "deleted" | "changed" | "unchanged";
        /** @description One text-bearing node compared word by word: the title, a recital, the heading of a chapter or article (present even when the article has no heading, so that its number has a line), or a text block of a paragraph, subparagraph or option, or the words of a footnote (numbered "(1)" in document order, after the text it stands in). Unagreed text reads in [square brackets], as in `docToText`. */
        BlockComparison: {
            /** @description Stable key: the owner's id and the block's role, e.g. `a7#heading`, `a7p2#0`, `title`. */
            key: string;
            role: components["schemas"]["BlockRole"];
            /** @description Id of the structural node holding the text (article for its heading, paragraph, subparagraph, option, recital). */
            ownerId: string | null;
            ownerKind: components["schemas"]["TreatyNodeName"];
            /** @description Id of the innermost chapter, article or paragraph around the block, if any. */
            provisionId: string | null;
            /** @description Nesting below the paragraph: 1 for a subparagraph (a), 2 for (i), one more inside an option. */
            depth: number;
            /** @description The numbers printed before the text in the older document ("2. Option 1:"); `null` if it is absent there. */
            oldNumber: string | null;
            /** @description The numbers printed before the text in the newer document; `null` if it is absent there. */
            newNumber: string | null;
            change: components["schemas"]["BlockChange"];
            parts: components["schemas"]["DiffPart"][];
        };
        /**
         * @description `footnote`: the words of a footnote standing in the block before it, compared as a block of their own.
         * @enum {string}
         */
        BlockRole: "title" | "recital" | "heading" | "text" | "footnote";
        /** @description Where a single change stands, numbered in the draft's language ("2 (a)"). */
        ChangePlace: {
            /**
             * @description `in` a paragraph or subparagraph, as new text `after` one, or a new provision or the article's heading (`place` empty).
             * @enum {string}
             */
            kind: "in" | "after" | "heading" | "new";
            place: string;
        };
        /** @enum {string} */
        CommentPeriodTarget: "revision" | "compilation";
        /** @description A call for written comments. */
        CommentPeriodView: {
            id: string;
            committeeId: string;
            instrumentId: string;
            targetKind: components["schemas"]["CommentPeriodTarget"];
            targetId: string;
            /** @description The symbol of the revision, or a label of the compilation. */
            targetLabel: string;
            title: string;
            tier: components["schemas"]["Tier"];
            deadline: string;
            publication: components["schemas"]["CommentPublication"];
            allowObservers: boolean;
            /**
             * @description open until the deadline, then past-deadline (late submissions still accepted, flagged), closed once closed.
             * @enum {string}
             */
            state: "open" | "past-deadline" | "closed";
            closedAt: string | null;
            publishedAt: string | null;
            openedAt: string;
            history: {
                action: string;
                at: string;
                by: string | null;
                deadline: string | null;
            }[];
        };
        /** @enum {string} */
        CommentPublication: "on-arrival" | "at-close";
        /**
         * @description The kind of a comment's target.
         * @enum {string}
         */
        CommentTargetKind: "document" | "proposal" | "revision";
        /** @description A comment. Its body is plain text, stored as written: clients render it as text, never as HTML. */
        CommentView: {
            id: string;
            threadId: string;
            authorId: string;
            authorName: string | null;
            authorDelegationId: string | null;
            body: string;
            /** @description Bidirectional controls and invisible characters found in the body, one English line each, for the reader. */
            textWarnings: string[];
            createdAt: string;
            editedAt: string | null;
        };
        /** @description One row of the comments matrix as the API sends it to the web app. */
        CommentsMatrixEntry: {
            remarkId: string;
            commentId: string;
            number: string;
            provisionId: string | null;
            provisionLabel: string;
            delegationId: string;
            commenter: string;
            language: components["schemas"]["Language"];
            late: boolean;
            comment: string;
            proposedWording: string | null;
            disposition: components["schemas"]["DispositionView"] | null;
            dispositionHistory: components["schemas"]["DispositionView"][];
        };
        /** @description A committee. */
        CommitteeView: {
            id: string;
            name: string;
            /** @description The prefix of its document symbols, such as `A/AC.291`. */
            symbolPrefix: string;
            description: string;
        };
        /** @description The comparison of two documents in one language: the concordance table of provisions and the word diff of every block of text, both in reading order of the newer document, with what the older one alone had at the place it had it. */
        Comparison: {
            language: components["schemas"]["Language"];
            /** @enum {string} */
            direction: "ltr" | "rtl";
            concordance: components["schemas"]["ConcordanceRow"][];
            blocks: components["schemas"]["BlockComparison"][];
            /** @description Whether nothing differs: no provision added, deleted, moved, renumbered or changed, and no text changed. */
            identical: boolean;
        };
        /** @description A proposal the compilation could not place, and why; the proposal is then left out as a whole. */
        CompileConflict: {
            proposalId: string;
            reason: components["schemas"]["ConflictReason"];
            /** @description The node (id, or slot such as `p1#text0`) where placing failed, when there is one. */
            target: string | null;
            message: string;
        };
        /** @description What became of one proposal. */
        CompileOutcome: {
            proposalId: string;
            decision: components["schemas"]["ProposalDecision"] | null;
            status: components["schemas"]["OutcomeStatus"];
            /** @description Whether the proposal was made against another revision than the base, and was placed by id and context. */
            rebased: boolean;
            /** @description Ids of the nodes of the base where the proposal's changes stand, sorted. */
            targets: string[];
        };
        /** @description What a compilation did. */
        CompileReport: {
            document: string;
            compiled: number;
            outcomes: components["schemas"]["CompileOutcome"][];
            conflicts: components["schemas"]["CompileConflict"][];
        };
        /** @description A line of a concordance: an article's number before and after a renumbering, with both labels. */
        ConcordanceLine: {
            provisionId: string;
            from: string;
            to: string;
            fromLabel: string;
            toLabel: string;
            changed: boolean;
        };
        /** @description One provision in the concordance table, matched between the two documents by its stable id. Numbers are the labels `numberDocument` gives in the comparison's language ("Article 7", "المادة ٧", "2.", `''` for the lone paragraph of an article); `null` where the provision is absent. */
        ConcordanceRow: {
            id: string;
            kind: components["schemas"]["ProvisionKind"];
            oldNumber: string | null;
            newNumber: string | null;
            /** @description The number of the article holding a paragraph in the older document; `null` for chapters and articles. */
            oldParentNumber: string | null;
            /** @description The number of the article holding a paragraph in the newer document; `null` for chapters and articles. */
            newParentNumber: string | null;
            /** @description Negotiation status of an article or paragraph in the older document; `null` for chapters or when absent. */
            oldStatus: components["schemas"]["ProvisionStatus"] | null;
            /** @description Negotiation status of an article or paragraph in the newer document; `null` for chapters or when absent. */
            newStatus: components["schemas"]["ProvisionStatus"] | null;
            /** @description Only in the newer document. */
            added: boolean;
            /** @description Only in the older document. */
            deleted: boolean;
            /** @description In both, but out of the order the two documents share: chapters and articles among all chapters or articles of the document (articles are numbered through the document), paragraphs within their article. A paragraph that changed article has moved. Provisions that only shift because others came or went have not. */
            moved: boolean;
            /** @description In both, with a different number. */
            renumbered: boolean;
            /** @description In both, with different words somewhere inside (headings and subparagraphs included). */
            textChanged: boolean;
            /** @description In both, with a different negotiation status. */
            statusChanged: boolean;
            /** @description In both, and none of the above. */
            unchanged: boolean;
        };
        /**
         * @description Why a proposal could not be placed in the current text.
         * @enum {string}
         */
        ConflictReason: "node-deleted" | "context-changed" | "id-in-use" | "invalid-structure" | "invalid-proposal";
        /** @description One article as the Chair follows it in informal consultations. */
        ConsultationItem: {
            provisionId: string;
            label: string;
            heading: string;
            status: components["schemas"]["ProvisionStatus"];
            /** @description Proposals received for it (submitted or decided). */
            proposals: number;
            /** @description Open comment threads anchored in it. */
            comments: number;
        };
        /**
         * @description Which database the server uses.
         * @enum {string}
         */
        DatabaseKind: "sqlite" | "postgres";
        /** @description A decision as recorded for the next compilation. */
        DecisionRecordedView: {
            proposalId: string;
            document: string;
            decision: components["schemas"]["ProposalDecision"];
            /** @description The provision it is limited to, if any. */
            provision: string | null;
            /** @description The single change it is limited to, if any. */
            change: string | null;
        };
        /**
         * @description The kind of a delegation.
         * @enum {string}
         */
        DelegationKind: "member-state" | "group" | "observer-organization" | "secretariat";
        /**
         * @description How a user came to act for a delegation: `pending` until its head confirms a member someone else added.
         * @enum {string}
         */
        DelegationMembership: "confirmed" | "pending";
        /** @description A delegation (a State, a group of States or an organization) in the six languages. */
        DelegationView: {
            id: string;
            committeeId: string;
            code: string;
            kind: components["schemas"]["DelegationKind"];
            names: components["schemas"]["Localized"];
            /** @description Ids of the delegations of kind `group` this delegation belongs to, sorted. */
            groupIds: string[];
        };
        /** @description One article of the desk: the current text and every proposal received for it. */
        DeskArticle: {
            id: string;
            /** @description Its number in the draft's language: "Article 4". */
            number: string;
            heading: string;
            status: components["schemas"]["ProvisionStatus"];
            /** @description The article's numbered plain text in the live draft. */
            text: string;
            counts: {
                brackets: number;
                optionGroups: number;
                proposals: number;
            };
            proposals: components["schemas"]["DeskProposal"][];
        };
        /** @description One single change of a proposal to an article, as the desk lists it, with its key and its own decision. */
        DeskChange: {
            /** @description The change's key for decisions on it (see `changeScopes` of `@concord/compile`). */
            key: string;
            where: components["schemas"]["ChangePlace"];
            /** @description `incorporate` (accepted) or `not-retain` (rejected), when decided on its own. */
            decision: components["schemas"]["ProposalDecision"] | null;
            /** @constant */
            kind: "text";
            target: string;
            before: string;
            after: string;
            edits: components["schemas"]["TextEditView"][];
        } | {
            /** @description The change's key for decisions on it (see `changeScopes` of `@concord/compile`). */
            key: string;
            where: components["schemas"]["ChangePlace"];
            /** @description `incorporate` (accepted) or `not-retain` (rejected), when decided on its own. */
            decision: components["schemas"]["ProposalDecision"] | null;
            /** @constant */
            kind: "insert";
            parent: string;
            after: string | null;
            before: string | null;
            /** @description ProseMirror JSON in the treaty schema. */
            nodes: unknown[];
        } | {
            /** @description The change's key for decisions on it (see `changeScopes` of `@concord/compile`). */
            key: string;
            where: components["schemas"]["ChangePlace"];
            /** @description `incorporate` (accepted) or `not-retain` (rejected), when decided on its own. */
            decision: components["schemas"]["ProposalDecision"] | null;
            /** @constant */
            kind: "delete";
            target: string;
            /** @description ProseMirror JSON of the deleted node. */
            node: unknown;
        };
        /** @description A proposal as the compile desk shows it beside the current text of one article. */
        DeskProposal: {
            id: string;
            title: string;
            /** @description Delegation codes. */
            sponsor: string;
            coSponsors: string[];
            supporters: string[];
            status: components["schemas"]["ProposalStatus"];
            late: boolean;
            submittedAt: string;
            justification: string;
            /** @description Only its changes to this article, one per single change. */
            changes: components["schemas"]["DeskChange"][];
            /** @description Bidirectional controls and invisible characters found in the proposal (English, from the server). */
            textWarnings: string[];
            /** @description The decision recorded on the whole proposal for this draft. */
            decision: components["schemas"]["ProposalDecision"] | null;
            /** @description Whether its decisions have been compiled into the draft. */
            compiled: boolean;
            /** @description The decision on its changes to this article, when decided article by article. */
            provisionDecision: components["schemas"]["ProposalDecision"] | null;
        };
        /** @description The compile desk of a consolidated draft in one language. */
        DeskView: {
            /** @description The collaboration document of the live draft. */
            document: string;
            articles: components["schemas"]["DeskArticle"][];
        };
        /** @description A run of a compared block: text both share, text inserted (with its provenance) or text deleted. */
        DiffPart: {
            kind: components["schemas"]["TextChangeKind"];
            text: string;
            /** @description For an insertion, where its characters come from in the newer document; empty otherwise. */
            provenance: components["schemas"]["ProvenanceSpan"][];
        };
        /** @enum {string} */
        Disposition: "accepted" | "accepted-in-part" | "not-accepted" | "noted" | "to-be-discussed";
        /** @description One recorded disposition of a remark; the latest is the current one, the earlier ones its history. */
        DispositionView: {
            id: string;
            disposition: components["schemas"]["Disposition"];
            response: string;
            addressedRevisionId: string | null;
            addressedRevisionSymbol: string | null;
            addressedProvisionId: string | null;
            /** @description That provision's number in that revision ("Article 6 (2)"). */
            addressedProvisionLabel: string | null;
            recordedBy: string | null;
            recordedAt: string;
        };
        /** @description A delegation's private collaborative text on an instrument's base text. */
        DraftingSpaceView: {
            id: string;
            /** @description The collaboration document to connect to at `/collab/<document>`. */
            document: string;
            title: string;
            language: components["schemas"]["Language"];
            instrumentId: string;
            ownerDelegationId: string;
            /** @description Delegations that accepted to co-sponsor, and so co-edit. */
            coSponsorIds: string[];
            /** @description Delegations asked to co-sponsor that have not answered; they may read the space meanwhile. */
            invitedCoSponsorIds: string[];
            /** @description Ids of the base text's articles the space drafts on; empty for the whole text. */
            provisionIds: string[];
            createdAt: string;
        };
        /** @description The one shape of every error the API answers. */
        ErrorView: {
            error: {
                /** @enum {string} */
                code: "already-supported" | "bad-request" | "comment-not-found" | "comment-period-closed" | "comment-period-not-found" | "comment-period-target-not-found" | "comment-target-not-found" | "committee-not-found" | "cross-origin-refused" | "database-unavailable" | "delegation-code-taken" | "delegation-not-found" | "drafting-space-not-found" | "email-taken" | "empty-proposal" | "forbidden" | "import-failed" | "inbox-item-not-found" | "instrument-not-found" | "internal" | "invalid-anchor" | "invalid-credentials" | "invalid-dates" | "invalid-group" | "invalid-id" | "invalid-transition" | "invitation-invalid" | "json-too-complex" | "language-exists" | "language-not-available" | "mail-not-failed" | "mail-not-found" | "malformed-json" | "method-not-allowed" | "metrics-not-enabled" | "not-invited" | "not-ready" | "nothing-to-compile" | "password-rejected" | "payload-too-large" | "proposal-not-found" | "provision-agreed" | "provision-not-found" | "reason-required" | "remark-not-found" | "renumbering-unchanged" | "revision-not-found" | "revision-verification-failed" | "route-not-found" | "session-not-found" | "session-number-taken" | "stale-translations" | "symbol-required" | "symbol-taken" | "thread-state-conflict" | "tier-not-allowed" | "too-many-attempts" | "too-many-comments" | "translation-mismatch" | "unauthenticated" | "unsupported-media-type" | "user-not-found" | "validation-failed" | "written-comment-not-found";
                /** @description What went wrong, in English, for people. */
                message: string;
                /** @description What exactly was wrong, when the server lists it (one line per invalid field of a request). */
                details?: string[];
            };
        };
        /** @description A remark shown on a revision: where its provision is now, and whether it changed or went since the comment. */
        FollowedRemarkView: {
            remark: components["schemas"]["RemarkView"];
            comment: {
                id: string;
                number: number | null;
                delegationCode: string;
                delegationName: string;
                language: components["schemas"]["Language"];
                late: boolean;
            };
            /** @description The revision the comment was made on. */
            revisionId: string;
            revisionSymbol: string;
            /** @description The provision's number in the revision being read, null when it was deleted. */
            currentLabel: string | null;
            textChanged: boolean;
            deleted: boolean;
            moved: boolean;
        };
        /** @description What `/api/health` reports. */
        HealthView: {
            /** @constant */
            status: "ok";
            database: components["schemas"]["DatabaseKind"];
            uptimeSeconds: number;
        };
        /** @description Who changed a proposal's status, as a negotiation names it: the delegation a member acted for, or the secretariat, the bureau or the administration; never a person's name, which the public may read once the proposal is published. */
        HistoryActor: {
            /** @constant */
            body: "delegation";
            delegationId: string;
        } | {
            /** @enum {string} */
            body: "secretariat" | "bureau" | "administration";
        };
        /** @description The answer to an import: the new instrument and what the importer noticed (skipped content, guesses). */
        ImportedInstrumentView: {
            id: string;
            committeeId: string;
            titles: components["schemas"]["Localized"];
            originalLanguage: components["schemas"]["Language"];
            /** @description The language versions that have text. */
            languages: components["schemas"]["Language"][];
            createdAt: string;
            warnings: string[];
        };
        /** @description One item of a user's inbox. */
        InboxItemView: {
            id: string;
            kind: components["schemas"]["InboxKind"];
            /** @description Where the item leads in the web app. */
            link: string;
            /** @description Short facts to show (a proposal's title, a period's title, a delegation's code, a disposition). */
            facts: {
                [key: string]: string;
            };
            createdAt: string;
            readAt: string | null;
        };
        /** @enum {string} */
        InboxKind: "co-sponsor-invitation" | "comment-period-opened" | "comment-period-closing" | "thread-reply" | "comment-disposition" | "proposal-decision";
        /** @description A user's inbox and how many of its items are unread. */
        InboxView: {
            items: components["schemas"]["InboxItemView"][];
            unread: number;
        };
        /** @description The base text of an instrument in one language. */
        InstrumentTextView: {
            instrumentId: string;
            language: components["schemas"]["Language"];
            /** @description Plain text with derived numbering. */
            text: string;
            /** @description ProseMirror JSON in the treaty schema of `@concord/schema`. */
            doc: unknown;
        };
        /** @description A text under negotiation. */
        InstrumentView: {
            id: string;
            committeeId: string;
            titles: components["schemas"]["Localized"];
            originalLanguage: components["schemas"]["Language"];
            /** @description The language versions that have text. */
            languages: components["schemas"]["Language"][];
            createdAt: string;
        };
        /** @description A created invitation; the token is shown once and only its hash is kept. */
        InvitationView: {
            invitation: {
                id: string;
                email: string;
                expiresAt: string;
            };
            token: string;
            /** @description The one-time link to give to the invitee; it is not shown again. */
            inviteUrl: string;
            /** @description Whether the link also went out by e-mail (SMTP_URL is set). */
            emailed: boolean;
        };
        /**
         * @description An official language, as its ISO 639-1 code.
         * @enum {string}
         */
        Language: "ar" | "zh" | "en" | "fr" | "ru" | "es";
        /** @description A language version started: how many of its nodes wait for a translator. */
        LanguageAddedView: {
            language: components["schemas"]["Language"];
            stale: number;
        };
        /** @description What `/api/health/live` reports: the process answers. */
        LivenessView: {
            /** @constant */
            status: "live";
            uptimeSeconds: number;
        };
        /** @description A value (by default a name) given in some of the official languages. */
        Localized: {
            ar?: string;
            zh?: string;
            en?: string;
            fr?: string;
            ru?: string;
            es?: string;
        };
        /**
         * @description How a user hears of what waits in their inbox.
         * @enum {string}
         */
        MailDelivery: "immediate" | "daily" | "off";
        /** @description An outgoing e-mail, as administrators see it. */
        MailMessageView: {
            id: string;
            to: string;
            kind: string;
            subject: string;
            status: components["schemas"]["MailStatus"];
            attempts: number;
            lastError: string | null;
            nextAttemptAt: string;
            createdAt: string;
            sentAt: string | null;
        };
        /** @description A user's e-mail settings. */
        MailSettingsView: {
            /** @description Whether this server sends e-mail at all (SMTP_URL is set). */
            enabled: boolean;
            delivery: components["schemas"]["MailDelivery"];
            language: components["schemas"]["Language"];
        };
        /**
         * @description Where an outgoing e-mail stands.
         * @enum {string}
         */
        MailStatus: "pending" | "sending" | "held" | "sent" | "failed";
        /** @description The signed-in user, as `GET /api/auth/me` answers. */
        MeView: {
            user: components["schemas"]["UserView"];
        };
        /** @description A member of a delegation as its head sees it. */
        MemberView: {
            userId: string;
            displayName: string;
            email: string;
            roles: components["schemas"]["Role"][];
            /** @description A pending member sees none of the delegation's drafts. */
            membership: components["schemas"]["DelegationMembership"];
            /** @description Whether the member has set a password from its invitation. */
            active: boolean;
            /** @description Who invited the member (null for accounts created by the system, such as the demo's). */
            addedBy: {
                id: string;
                displayName: string;
            } | null;
            addedAt: string;
        };
        /** @description The number of one structural node in one language, derived from its position. */
        NumberLabel: {
            kind: components["schemas"]["NumberedKind"];
            /** @description 1-based position among its numbered siblings (an option's position in its group). */
            ordinal: number;
            /** @description Nesting depth of a subparagraph (1 for (a), 2 for (i), 3 for (A)); 0 for other kinds. */
            depth: number;
            /** @description The label as printed: "Article 7", "2.", "(b)", "Option 1"; empty for the lone paragraph of an article. */
            label: string;
        };
        /**
         * @description What a number label numbers.
         * @enum {string}
         */
        NumberedKind: "chapter" | "article" | "paragraph" | "subparagraph" | "option";
        /**
         * @description What became of a proposal in a compilation.
         * @enum {string}
         */
        OutcomeStatus: "incorporated" | "partially-incorporated" | "presented-as-option" | "not-retained" | "conflict" | "no-change" | "undecided";
        /**
         * @description A decision on a proposal (or its changes to one provision, or one change), applied at the next compilation.
         * @enum {string}
         */
        ProposalDecision: "incorporate" | "present-as-option" | "not-retain";
        /** @description One recorded move of a proposal's lifecycle. */
        ProposalHistoryEntry: {
            from: components["schemas"]["ProposalStatus"] | null;
            to: components["schemas"]["ProposalStatus"];
            /** @description The user's id, so that a reader can tell their own actions. */
            actorId: string;
            actor: components["schemas"]["HistoryActor"];
            at: string;
        };
        /**
         * @description The status of a proposal.
         * @enum {string}
         */
        ProposalStatus: "draft" | "submitted" | "withdrawn" | "incorporated" | "partially-incorporated" | "presented-as-option" | "not-retained" | "superseded";
        /** @description A submitted proposal. */
        ProposalView: {
            id: string;
            committeeId: string;
            instrumentId: string;
            /** @description The drafting space it was submitted from; null for proposals made another way (such as imports). */
            spaceId: string | null;
            language: components["schemas"]["Language"];
            title: string;
            /** @description As written by the delegation: rendered as text only. */
            justification: string;
            sponsorDelegationId: string;
            coSponsorIds: string[];
            supporterIds: string[];
            status: components["schemas"]["ProposalStatus"];
            /** @description Submitted after its session's proposal deadline. */
            late: boolean;
            sessionId: string | null;
            /** @description The articles it changes. */
            provisionIds: string[];
            /** @description What the proposal was made against: the live draft's state or a revision. */
            baseRef: string;
            /** @description The base provisions it was made against, as ProseMirror JSON. */
            baseDoc: unknown;
            /** @description The proposed text of those provisions, as ProseMirror JSON. */
            proposedDoc: unknown;
            changes: components["schemas"]["StoredChange"][];
            /** @description Bidirectional controls and invisible characters in its text or justification, one English line each. */
            textWarnings: string[];
            supersedesId: string | null;
            submittedAt: string;
            submittedBy: string;
            /** @description Public since a published compilation of proposals listed it. */
            published: boolean;
            history: components["schemas"]["ProposalHistoryEntry"][];
        };
        /** @description Attributes of a `provenance` mark. */
        ProvenanceAttrs: {
            kind: components["schemas"]["ProvenanceKind"];
            /** @description The revision id (`base`), proposal id (`proposal`) or user id (`edit`) the text comes from; a `translation` keeps the ref of the original words it renders (the translator's user id where it renders none). */
            ref: string;
            /** @description Codes of the delegations behind the text (proposer first, then co-sponsors and supporters); a translation keeps those of the original words it renders. */
            delegations: string[];
            /** @description A human-readable description, e.g. a footnote text. */
            label: string;
        };
        /**
         * @description The origin kind recorded by a `provenance` mark.
         * @enum {string}
         */
        ProvenanceKind: "base" | "proposal" | "edit" | "translation";
        /** @description The provenance of part of an inserted run: characters `from`–`to` (UTF-16 offsets into the run's text) of the newer document carry this provenance mark. */
        ProvenanceSpan: {
            from: number;
            to: number;
            provenance: components["schemas"]["ProvenanceAttrs"];
        };
        /** @description A span of a live document's text with where it came from. */
        ProvenanceSpanView: {
            from: number;
            to: number;
            text: string;
            kind: string | null;
            refs: string[];
            delegations: string[];
            label: string | null;
            /** @description Links to the proposals the span comes from. */
            proposals: {
                id: string;
                href: string;
            }[];
        };
        /**
         * @description The provisions the concordance table lists.
         * @enum {string}
         */
        ProvisionKind: "chapter" | "article" | "paragraph";
        /**
         * @description The negotiation status of a provision.
         * @enum {string}
         */
        ProvisionStatus: "open" | "informally-agreed" | "agreed-ad-referendum";
        /** @description A provision's status as set. */
        ProvisionStatusView: {
            provisionId: string;
            status: components["schemas"]["ProvisionStatus"];
            /** @description Why agreed text was reopened; null otherwise. */
            reason: string | null;
        };
        /** @description A provision translated, and how many nodes still wait. */
        ProvisionTranslatedView: {
            nodeId: string;
            stale: number;
        };
        /** @description A published compilation of proposals as listed for everyone. */
        PublishedCompilationSummary: {
            id: string;
            instrumentId: string;
            language: components["schemas"]["Language"];
            /** @description How many proposals it lists. */
            proposals: number;
            publishedAt: string;
        };
        /** @description A published compilation of proposals. */
        PublishedCompilationView: {
            id: string;
            proposalIds: string[];
            publishedAt: string;
        };
        /**
         * @description Where the server's start sequence stands.
         * @enum {string}
         */
        ReadinessState: "starting" | "migrating" | "seeding" | "ready" | "stopping";
        /** @description What `/api/health/ready` reports when the server serves requests. */
        ReadinessView: {
            /** @constant */
            status: "ready";
            state: components["schemas"]["ReadinessState"];
            database: components["schemas"]["DatabaseKind"];
        };
        /** @description A remark of a written comment: general (no provision) or on one provision, by its stable id. */
        RemarkView: {
            id: string;
            /** @description The remark's number in the period, such as "3.2" (comment 3, remark 2); empty while drafted. */
            number: string;
            provisionId: string | null;
            /** @description The provision's number where the comment was filed ("Article 5, paragraph 2"), when known. */
            provisionLabel: string | null;
            body: string;
            proposedWording: string | null;
            /** @description Current disposition, when the reader may see it. */
            disposition: components["schemas"]["DispositionView"] | null;
            /** @description Every disposition recorded, oldest first (visible to the same readers as the current one). */
            dispositionHistory: components["schemas"]["DispositionView"][];
        };
        /** @description A renumbering of a consolidated draft with its concordance. */
        RenumberingView: {
            id: string;
            instrumentId: string;
            actorId: string;
            at: string;
            entries: components["schemas"]["ConcordanceLine"][];
        };
        /** @description A published revision's metadata. */
        RevisionSummary: {
            id: string;
            instrumentId: string;
            /** @description The document symbol: `A/AC.291/22`, `A/AC.291/22/Rev.1`. */
            symbol: string;
            /** @description The date of the document, `YYYY-MM-DD`. */
            date: string;
            /**
             * @description Who may read it: the committee, or everyone.
             * @enum {string}
             */
            tier: "committee" | "public";
            originalLanguage: components["schemas"]["Language"];
            /** @description The language versions it was published in. */
            languages: components["schemas"]["Language"][];
            /** @description The instrument's title in each language it has one in. */
            titles: components["schemas"]["Localized"];
            /** @description SHA-256 of the canonical content, in hexadecimal. */
            contentHash: string;
            /** @description An ISO 8601 instant. */
            publishedAt: string;
            /** @description Whether the revision is what the server published: a failed one must not be read or cited as authentic. */
            verification: components["schemas"]["RevisionVerificationState"];
        };
        /** @description A published revision in one language. */
        RevisionText: {
            id: string;
            instrumentId: string;
            /** @description The document symbol: `A/AC.291/22`, `A/AC.291/22/Rev.1`. */
            symbol: string;
            /** @description The date of the document, `YYYY-MM-DD`. */
            date: string;
            /**
             * @description Who may read it: the committee, or everyone.
             * @enum {string}
             */
            tier: "committee" | "public";
            originalLanguage: components["schemas"]["Language"];
            /** @description The language versions it was published in. */
            languages: components["schemas"]["Language"][];
            /** @description The instrument's title in each language it has one in. */
            titles: components["schemas"]["Localized"];
            /** @description SHA-256 of the canonical content, in hexadecimal. */
            contentHash: string;
            /** @description An ISO 8601 instant. */
            publishedAt: string;
            /** @description Whether the revision is what the server published: a failed one must not be read or cited as authentic. */
            verification: components["schemas"]["RevisionVerificationState"];
            language: components["schemas"]["Language"];
            /** @description The text as ProseMirror JSON in the treaty schema of `@concord/schema`, with its provenance marks. */
            doc: unknown;
            /** @description The numbered plain text. */
            text: string;
            /** @description Ids of the nodes whose translation had not been checked against the original when it was published. */
            stale: string[];
        };
        /** @description What verifying a revision found. */
        RevisionVerification: {
            /** @enum {string} */
            status: "verified" | "failed";
            /** @description Why it failed; null when verified. */
            reason: string | null;
            id: string;
            symbol: string;
            ok: boolean;
            storedHash: string;
            computedHash: string;
            /** @description Fingerprint (SHA-256) of the public key the signature was checked with. */
            keyFingerprint: string;
        };
        /** @description The outcome of verifying a revision: its content against its hash, the server key's signature over its hash and metadata, and the audit row that records its publication. */
        RevisionVerificationState: {
            /** @enum {string} */
            status: "verified" | "failed";
            /** @description Why it failed; null when verified. */
            reason: string | null;
        };
        /**
         * @description A user's role.
         * @enum {string}
         */
        Role: "delegate" | "head-of-delegation" | "secretariat" | "chair" | "observer" | "admin";
        /** @description A session of a committee. */
        SessionView: {
            id: string;
            committeeId: string;
            number: number;
            title: string;
            venue: string;
            /** @description A calendar date, `YYYY-MM-DD`. */
            startDate: string;
            /** @description A calendar date, `YYYY-MM-DD`. */
            endDate: string;
            /** @description An ISO 8601 instant. */
            proposalDeadline: string;
        };
        /** @description A successful sign-in: the bearer token (also set as the httpOnly session cookie) and who signed in. */
        SignInView: {
            token: string;
            /** @description An ISO 8601 instant. */
            expiresAt: string;
            user: components["schemas"]["UserView"];
        };
        /** @description A revision as signed, for verifying it away from the server (`revision:verify <file>`): the canonical content, the metadata the signature covers, and the signature. */
        SignedRevisionBundle: {
            /** @constant */
            format: "concord-signed-revision/1";
            id: string;
            committeeId: string;
            instrumentId: string;
            symbol: string;
            revisionNumber: number;
            date: string;
            tier: string;
            originalLanguage: string;
            contentHash: string;
            auditSeq: number | null;
            auditHash: string | null;
            /** @description Base64 Ed25519 signature over the revision's signed payload. */
            signature: string | null;
            keyFingerprint: string;
            /** @description The canonical JSON that `contentHash` covers, exactly as stored. */
            content: string;
        };
        /** @description The public half of the signing key, as anyone verifying a revision or the audit head needs it. */
        SigningKeyView: {
            /** @constant */
            algorithm: "Ed25519";
            /** @description SubjectPublicKeyInfo in PEM. */
            publicKey: string;
            /** @description SHA-256 of the DER encoding, in hexadecimal: compare it with one obtained another way before trusting the key. */
            fingerprint: string;
        };
        /** @description A node of a translation that does not render the original's current words. */
        StaleNodeView: {
            nodeId: string;
            /**
             * @description `missing`: not in the translation; `unconfirmed`: never confirmed; `changed`: the original changed since.
             * @enum {string}
             */
            reason: "missing" | "unconfirmed" | "changed";
            original: string;
            translation: string | null;
            /** @description The node's type (`article`, `paragraph`, `recital`, …). */
            nodeType: string;
            /** @description Where the node is: the numbers of the nodes around it and its own, outermost first, in the original. */
            place: components["schemas"]["NumberLabel"][];
            /** @description The original's own words when the translation was last made or confirmed; `null` if never. */
            translatedFrom: string | null;
            /** @description The word changes from `translatedFrom` to `original`, as offsets in both (empty when either is unknown). */
            changes: components["schemas"]["TextEditView"][];
            /** @description The runs of the original's own words that a translation renders one by one, keeping their marks. */
            segments: components["schemas"]["TextSegment"][];
            /** @description The translation's current words per run, when it still has the original's runs; else `null`. */
            translatedSegments: string[] | null;
        };
        /** @description One change of a provision's status. */
        StatusChange: {
            provisionId: string;
            from: components["schemas"]["ProvisionStatus"];
            to: components["schemas"]["ProvisionStatus"];
            actorId: string;
            at: string;
            /** @description Why agreed text was reopened; null otherwise. */
            reason: string | null;
        };
        /** @description The range of a live document a thread is about: two Yjs relative positions, base64. */
        StoredAnchor: {
            start: string;
            end: string;
        };
        /** @description One change of a proposal against its base, as the server stores and sends it: the change set of `@concord/compile` with its nodes as ProseMirror JSON. */
        StoredChange: components["schemas"]["StoredTextChange"] | components["schemas"]["StoredInsertChange"] | components["schemas"]["StoredDeleteChange"];
        /** @description A node deleted. */
        StoredDeleteChange: {
            /** @constant */
            kind: "delete";
            target: string;
            /** @description ProseMirror JSON of the deleted node. */
            node: unknown;
        };
        /** @description New nodes inserted under `parent`, between the siblings `after` and `before` (ids, null at either end). */
        StoredInsertChange: {
            /** @constant */
            kind: "insert";
            parent: string;
            after: string | null;
            before: string | null;
            /** @description ProseMirror JSON in the treaty schema. */
            nodes: unknown[];
        };
        /** @description A change to the words of one text block. */
        StoredTextChange: {
            /** @constant */
            kind: "text";
            target: string;
            before: string;
            after: string;
            edits: components["schemas"]["TextEditView"][];
        };
        /**
         * @description What happened to a run of text between two versions.
         * @enum {string}
         */
        TextChangeKind: "equal" | "insert" | "delete";
        /** @description One replacement in a text: `[from, to)` of `before` (`deleted`) became `inserted`. */
        TextEditView: {
            from: number;
            to: number;
            deleted: string;
            inserted: string;
        };
        /** @description One run of a node's own words that carries the same marks: what a translator renders as a whole, so that the brackets and provenance around it survive in the translation. */
        TextSegment: {
            /** @description Index of the own text block (heading, lead text) the run is in. */
            block: number;
            text: string;
            /** @description Ids of the brackets around the run, outermost first. */
            brackets: string[];
            /** @description The run's provenance, if it has one. */
            provenance: components["schemas"]["ProvenanceAttrs"] | null;
            /** @description The id of the footnote the run is a word of, `null` for the text itself. */
            footnote: string | null;
        };
        /** @description A thread: its opening comment, its replies, and where its anchor lies now (as the server last saw it). */
        ThreadView: {
            id: string;
            targetKind: components["schemas"]["CommentTargetKind"];
            targetId: string;
            provisionId: string | null;
            tier: components["schemas"]["Tier"];
            anchor: components["schemas"]["StoredAnchor"] | null;
            /** @description The text the anchor covered when the thread was opened. */
            quote: string | null;
            /** @description True when the anchored text has been deleted: the thread is shown with its quote only. */
            orphaned: boolean;
            /** @description The text the anchor covers now; null when orphaned or not anchored in a document. */
            anchoredText: string | null;
            /** @description The article of a consolidated draft the anchor lies in now, with its current number ("Article 4" after a renumbering of what was "Article 2 ter"); absent when not anchored in a consolidated draft. */
            article?: {
                id: string;
                label: string;
            };
            resolved: boolean;
            resolvedAt: string | null;
            resolvedBy: string | null;
            comment: components["schemas"]["CommentView"];
            replies: components["schemas"]["CommentView"][];
        };
        /**
         * @description The visibility tier of a record.
         * @enum {string}
         */
        Tier: "delegation" | "committee" | "public";
        /** @description Translated nodes confirmed, and how many still wait. */
        TranslationsConfirmedView: {
            confirmed: number;
            stale: number;
        };
        /**
         * @description Names of the node types of  {@link  treatySchema } .
         * @enum {string}
         */
        TreatyNodeName: "doc" | "title" | "preamble" | "recital" | "chapter" | "heading" | "article" | "paragraph" | "subparagraph" | "text_block" | "option_group" | "option" | "footnote" | "text";
        /** @description How many inbox items are left unread. */
        UnreadCountView: {
            unread: number;
        };
        /** @description A user as the API shows them (the signed-in user, or the users of a committee). */
        UserView: {
            id: string;
            email: string;
            displayName: string;
            roles: components["schemas"]["Role"][];
            /** @description The delegation the user acts for; null while its head has not confirmed the membership. */
            delegationId: string | null;
            /** @description The delegation the user was added to, while its head has not confirmed the membership; else null or absent. */
            pendingDelegationId?: string | null;
            committeeId: string;
            /** @description False while an invited user has not yet set a password. */
            active: boolean;
        };
        /** @description What applying a Word file did. */
        WordAppliedView: {
            /** @description SHA-256 of the file, to send back when applying so that what is applied is what was previewed. */
            digest: string;
            roundTrip: boolean;
            tracked: boolean;
            paragraphs: number;
            matched: number;
            changes: components["schemas"]["WordChangeView"][];
            unplaced: components["schemas"]["WordUnplaced"][];
            applied: number;
        };
        /** @description A change of one block the upload makes, as the preview shows it and the application reports it. */
        WordChangeView: {
            key: string;
            article: string;
            label: string;
            before: string;
            after: string;
            /**
             * @description How the paragraph was placed on the block: by its hidden id, its number or its text.
             * @enum {string}
             */
            placedBy: "id" | "number" | "text";
            authors: string[];
            /** @description Word's edits that go in (or went in) on top of the live text. */
            edits: number;
            /** @description Where members changed the same words since: Word's version, theirs, and the text both started from. */
            conflicts: {
                before: string;
                word: string;
                live: string;
            }[];
        };
        /** @description What Concord understood of an uploaded Word file. */
        WordPreviewView: {
            /** @description SHA-256 of the file, to send back when applying so that what is applied is what was previewed. */
            digest: string;
            roundTrip: boolean;
            tracked: boolean;
            paragraphs: number;
            matched: number;
            changes: components["schemas"]["WordChangeView"][];
            unplaced: components["schemas"]["WordUnplaced"][];
        };
        /** @description A paragraph of the Word file with changes that could not be placed in the space, and why. */
        WordUnplaced: {
            /** @description Its position among the file's paragraphs, from 1. */
            paragraph: number;
            text: string;
            /**
             * @description Why, as a code a client can put in words of its own.
             * @enum {string}
             */
            code: "new-paragraph" | "joined" | "split" | "unknown-id" | "removed" | "no-match";
            reason: string;
        };
        /** @enum {string} */
        WrittenCommentStatus: "draft" | "submitted" | "superseded";
        /** @description A written comment of a delegation or observer organization. */
        WrittenCommentView: {
            id: string;
            periodId: string;
            number: number | null;
            delegationId: string;
            delegationCode: string;
            delegationName: string;
            commenterKind: string;
            status: components["schemas"]["WrittenCommentStatus"];
            language: components["schemas"]["Language"];
            tier: components["schemas"]["Tier"];
            late: boolean;
            supersedesId: string | null;
            supersededById: string | null;
            submittedAt: string | null;
            publishedAt: string | null;
            remarks: components["schemas"]["RemarkView"][];
            textWarnings: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MetricsController_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    SigningController_signingKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningKeyView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuditController_latest: {
        parameters: {
            query?: {
                /** @description Only rows before this sequence number (paging back) */
                before?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditEntryView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerdictView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Too many attempts: wait and try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Gone: the link expired or was used */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    AuthController_users: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["UserView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommitteeView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommitteeDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommitteeDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitteeView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SessionView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_createSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSessionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommitteesController_updateSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSessionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DelegationView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDelegationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDelegationDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationMembersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MemberView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationMembersController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DelegationMembersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InstrumentsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["InstrumentView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InstrumentsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportInstrumentDto"];
                "multipart/form-data": components["schemas"]["ImportInstrumentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportedInstrumentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not of a type this operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InstrumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InstrumentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInstrumentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InstrumentsController_text: {
        parameters: {
            query: {
                lang: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentTextView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DraftingSpacesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrumentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDraftingSpaceDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DraftingSpacesController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["DraftingSpaceView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    DraftingSpacesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    WordBridgeController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    WordBridgeController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordPreviewView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not of a type this operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    WordBridgeController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["ApplyWordDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WordAppliedView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The body is not of a type this operation takes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmitProposalDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_invite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CoSponsorDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_accept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_decline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_removeCoSponsor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                delegationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DraftingSpaceView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_list: {
        parameters: {
            query?: {
                instrumentId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProposalView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_outcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetOutcomeDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_support: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ProposalsController_unsupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_list: {
        parameters: {
            query: {
                targetKind: "document" | "proposal" | "revision";
                /** @description A document name (consolidated:<instrument id>:<language> or space:<id>), a proposal id or a revision id */
                targetId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ThreadView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateThreadDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Too many attempts: wait and try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_stream: {
        parameters: {
            query: {
                targetKind: "document" | "proposal" | "revision";
                /** @description A document name (consolidated:<instrument id>:<language> or space:<id>), a proposal id or a revision id */
                targetId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentBodyDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_reply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommentBodyDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Too many attempts: wait and try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentsController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ThreadView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_view: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeskView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionRecordedView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_compile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompileDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompileReport"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_setStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                provisionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProvisionStatusDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionStatusView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_history: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StatusChange"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CompilationController_provenance: {
        parameters: {
            query: {
                /** @description Start position in the ProseMirror document */
                from: number;
                /** @description End position in the ProseMirror document */
                to: number;
            };
            header?: never;
            path: {
                document: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ProvenanceSpanView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    NumberingController_numbers: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleNumbersView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    NumberingController_consultations: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ConsultationItem"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    NumberingController_renumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenumberingView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    NumberingController_renumberings: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RenumberingView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_export: {
        parameters: {
            query: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                format: "akn" | "docx" | "html";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/akn+xml": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_compilation: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                format?: "html" | "docx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_publishCompilation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LanguageVersionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedCompilationView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionSummary"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishRevisionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionText"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_get: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionText"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionVerification"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_signed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedRevisionBundle"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_compare: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                format?: "json" | "inline" | "side-by-side" | "concordance";
            };
            header?: never;
            path: {
                id: string;
                other: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                    "text/html": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_addLanguage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LanguageVersionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LanguageAddedView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_stale: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaleNodeView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_confirm: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmTranslationDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TranslationsConfirmedView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    RevisionsController_translate: {
        parameters: {
            query: {
                lang: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TranslateProvisionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvisionTranslatedView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The request is well formed but cannot be carried out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_export: {
        parameters: {
            query: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                format: "akn" | "docx" | "html";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                    "application/akn+xml": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_compilations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["PublishedCompilationSummary"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_compilation: {
        parameters: {
            query?: {
                format?: "html" | "docx";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevisionSummary"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_get: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionText"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevisionVerification"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_signed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedRevisionBundle"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_compare: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                format?: "json" | "inline" | "side-by-side" | "concordance";
            };
            header?: never;
            path: {
                id: string;
                other: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comparison"];
                    "text/html": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ComparisonDocxController_revisions: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
                other: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ComparisonDocxController_publicRevisions: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
                other: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ComparisonDocxController_proposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    ArchiveController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                committeeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InboxController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InboxView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InboxController_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InboxController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    InboxController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_list: {
        parameters: {
            query?: {
                instrumentId?: string;
                /** @description The revision or compilation commented on */
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommentPeriodView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenCommentPeriodDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_extend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendCommentPeriodDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_writtenComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WrittenCommentView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewWrittenCommentDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrittenCommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_matrix: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
                /** @description Language of the column headings and provision numbers */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                /** @description Only this commenter (delegation id) */
                commenter?: string;
                /** @description Only remarks on this provision (stable id), or "general" */
                provision?: string;
                /** @description Only remarks with this disposition, or none yet */
                disposition?: "accepted" | "accepted-in-part" | "not-accepted" | "noted" | "to-be-discussed" | "none";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommentsMatrixEntry"][];
                    };
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_compilation: {
        parameters: {
            query?: {
                format?: "html" | "docx";
                /** @description Language of the captions and provision numbers; the comments stay in theirs */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_getComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrittenCommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WrittenCommentDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrittenCommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrittenCommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_dispose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DispositionDto"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WrittenCommentView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    CommentPeriodsController_followed: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FollowedRemarkView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_list: {
        parameters: {
            query?: {
                instrumentId?: string;
                /** @description The revision or compilation commented on */
                targetId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommentPeriodView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPeriodView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_writtenComments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WrittenCommentView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_matrix: {
        parameters: {
            query?: {
                format?: "json" | "csv" | "xlsx";
                /** @description Language of the column headings and provision numbers */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
                /** @description Only this commenter (delegation id) */
                commenter?: string;
                /** @description Only remarks on this provision (stable id), or "general" */
                provision?: string;
                /** @description Only remarks with this disposition, or none yet */
                disposition?: "accepted" | "accepted-in-part" | "not-accepted" | "noted" | "to-be-discussed" | "none";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["CommentsMatrixEntry"][];
                    };
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_compilation: {
        parameters: {
            query?: {
                format?: "html" | "docx";
                /** @description Language of the captions and provision numbers; the comments stay in theirs */
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_followed: {
        parameters: {
            query?: {
                lang?: "ar" | "zh" | "en" | "fr" | "ru" | "es";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["FollowedRemarkView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    PublicCommentsController_feed: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MailController_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailSettingsView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MailController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MailSettingsDto"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailSettingsView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MailController_outbox: {
        parameters: {
            query?: {
                status?: "pending" | "sending" | "held" | "sent" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MailMessageView"][];
                    };
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
    MailController_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailMessageView"];
                };
            };
            /** @description The request is malformed or fails validation */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description Not signed in, or the session expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The caller sees the record but may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description No such record, or one the caller may not see */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The record is not in a state that allows this */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server failed */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
            /** @description The server is starting, stopping or cannot reach its database */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorView"];
                };
            };
        };
    };
}
