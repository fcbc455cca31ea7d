//! A running Samenspel in-process: fresh database, one tenant, one user per role.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use samenspel_app::auth::Hashing;
use samenspel_app::gebruikers::{self, GebruikerInvoer};
use samenspel_app::{Ctx, Principal};
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::rol::Rol;
use samenspel_store::testdb::TestDb;
use tower::ServiceExt;

pub const WACHTWOORD: &str = "test-wachtwoord-123";

pub struct TestApp {
    pub naam: &'static str,
    pub router: Router,
    pub ctx: Ctx,
    pub gemeente: GemeenteId,
    db: TestDb,
}

pub struct Antwoord {
    pub status: StatusCode,
    pub location: Option<String>,
    pub set_cookie: Option<String>,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The raw body, for files (XLSX, SVG).
    pub bytes: Vec<u8>,
}

impl Antwoord {
    /// A response header as text.
    pub fn kop(&self, naam: header::HeaderName) -> Option<&str> {
        self.headers.get(naam).and_then(|v| v.to_str().ok())
    }
}

/// A logged-in browser: its cookie and the session's form token.
pub struct Browser {
    pub cookie: String,
    pub csrf: String,
}

impl TestApp {
    /// One app per available backend.
    pub async fn alle() -> Vec<TestApp> {
        let mut apps = Vec::new();
        for db in TestDb::alle().await {
            apps.push(TestApp::op(db).await);
        }
        apps
    }

    async fn op(db: TestDb) -> TestApp {
        let ctx = Ctx {
            db: db.db.clone(),
            hashing: Hashing::Test,
        };
        let gemeente =
            nieuwe_gemeente(&ctx, "Gemeente Testwijk", "0001", Rol::ALLE.as_slice()).await;
        let router = samenspel_web::router(samenspel_web::AppState {
            ctx: ctx.clone(),
            secure_cookies: false,
            imports: Default::default(),
        });
        TestApp {
            naam: db.naam,
            router,
            ctx,
            gemeente,
            db,
        }
    }

    pub async fn opruimen(self) {
        drop(self.router);
        self.db.opruimen().await;
    }

    pub async fn verzoek(&self, request: Request<Body>) -> Antwoord {
        let response = self.router.clone().oneshot(request).await.expect("verzoek");
        let status = response.status();
        let headers = response.headers().clone();
        let location = headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let set_cookie = headers
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        let body = String::from_utf8_lossy(&bytes).into_owned();
        let bytes = bytes.to_vec();
        let is_html = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/html"));
        if let Some(titel) = body
            .split("<title>")
            .filter(|_| is_html)
            .nth(1)
            .and_then(|r| r.split("</title>").next())
        {
            assert!(!titel.contains('<'), "de paginatitel bevat opmaak: {titel}");
            assert_eq!(
                body.matches("<h1").count(),
                1,
                "elke pagina heeft precies één h1"
            );
        }
        Antwoord {
            status,
            location,
            set_cookie,
            headers,
            body,
            bytes,
        }
    }

    pub async fn get(&self, pad: &str, browser: Option<&Browser>) -> Antwoord {
        let mut request = Request::get(pad);
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
        }
        self.verzoek(request.body(Body::empty()).expect("request"))
            .await
    }

    /// Posts a form as a same-site browser would; the session's token is added unless
    /// the fields already hold a `csrf`.
    pub async fn post(
        &self,
        pad: &str,
        browser: Option<&Browser>,
        velden: &[(&str, &str)],
    ) -> Antwoord {
        let mut alle: Vec<(&str, &str)> = velden.to_vec();
        if let Some(b) = browser
            && !velden.iter().any(|(k, _)| *k == "csrf")
        {
            alle.push(("csrf", &b.csrf));
        }
        let body = serde_urlencoded::to_string(&alle).expect("form");
        let mut request = Request::post(pad)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "same-origin");
        if let Some(b) = browser {
            request = request.header(header::COOKIE, &b.cookie);
        }
        self.verzoek(request.body(Body::from(body)).expect("request"))
            .await
    }

    /// Posts a form with a file (`multipart/form-data`), fields first, the file last,
    /// as a browser sends it; the session's token is added unless a `csrf` is given.
    pub async fn post_bestand(
        &self,
        pad: &str,
        browser: &Browser,
        velden: &[(&str, &str)],
        bestandsnaam: &str,
        inhoud: &[u8],
    ) -> Antwoord {
        const GRENS: &str = "----samenspel-test-grens";
        let mut alle: Vec<(&str, &str)> = velden.to_vec();
        if !velden.iter().any(|(k, _)| *k == "csrf") {
            alle.insert(0, ("csrf", &browser.csrf));
        }
        let mut body = Vec::new();
        for (naam, waarde) in alle {
            body.extend_from_slice(
                format!("--{GRENS}\r\nContent-Disposition: form-data; name=\"{naam}\"\r\n\r\n{waarde}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!("--{GRENS}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{bestandsnaam}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(inhoud);
        body.extend_from_slice(format!("\r\n--{GRENS}--\r\n").as_bytes());
        let request = Request::post(pad)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={GRENS}"),
            )
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, &browser.cookie);
        self.verzoek(request.body(Body::from(body)).expect("request"))
            .await
    }

    /// Logs in as the test user with this role (user name = role code).
    pub async fn login_als(&self, rol: Rol) -> Browser {
        self.login_met(self.gemeente, rol.code()).await
    }

    pub async fn login_met(&self, gemeente: GemeenteId, gebruikersnaam: &str) -> Browser {
        self.login_met_wachtwoord(gemeente, gebruikersnaam, WACHTWOORD)
            .await
    }

    /// Logs in as one of the demo municipality's users.
    pub async fn login_demo(&self, gemeente: GemeenteId, gebruikersnaam: &str) -> Browser {
        self.login_met_wachtwoord(
            gemeente,
            gebruikersnaam,
            samenspel_app::demo::DEMO_WACHTWOORD,
        )
        .await
    }

    async fn login_met_wachtwoord(
        &self,
        gemeente: GemeenteId,
        gebruikersnaam: &str,
        wachtwoord: &str,
    ) -> Browser {
        let gemeente = gemeente.to_string();
        let a = self
            .post(
                "/inloggen",
                None,
                &[
                    ("gemeente", &gemeente),
                    ("gebruikersnaam", gebruikersnaam),
                    ("wachtwoord", wachtwoord),
                ],
            )
            .await;
        assert_eq!(
            a.status,
            StatusCode::SEE_OTHER,
            "{}: inloggen als {gebruikersnaam}: {}",
            self.naam,
            a.body
        );
        let cookie = a
            .set_cookie
            .expect("cookie")
            .split(';')
            .next()
            .expect("cookie")
            .to_owned();
        let mut browser = Browser {
            cookie,
            csrf: String::new(),
        };
        let pagina = self.get("/relaties", Some(&browser)).await;
        browser.csrf = veld_waarde(&pagina.body, "csrf").expect("csrf-token op de pagina");
        browser
    }
}

/// A tenant with one user per given role, each named after the role.
pub async fn nieuwe_gemeente(ctx: &Ctx, naam: &str, cbs: &str, rollen: &[Rol]) -> GemeenteId {
    let beheerder = GebruikerInvoer {
        gebruikersnaam: "beheerder".into(),
        naam: "Bea Heerder".into(),
        rol: "beheerder".into(),
        wachtwoord: WACHTWOORD.into(),
    };
    let (gemeente, _) = gebruikers::init_gemeente(ctx, naam, cbs, &beheerder, false)
        .await
        .expect("gemeente");
    let systeem = Principal::systeem(gemeente);
    for rol in rollen.iter().filter(|r| **r != Rol::Beheerder) {
        let invoer = GebruikerInvoer {
            gebruikersnaam: rol.code().into(),
            naam: format!("Test {}", rol.label()),
            rol: rol.code().into(),
            wachtwoord: WACHTWOORD.into(),
        };
        gebruikers::add(ctx, &systeem, &invoer)
            .await
            .expect("gebruiker");
    }
    gemeente
}

/// The `value` of the first `<input name="…">` in a page.
pub fn veld_waarde(html: &str, naam: &str) -> Option<String> {
    let begin = html.find(&format!("name=\"{naam}\" value=\""))? + naam.len() + 15;
    let rest = &html[begin..];
    Some(rest[..rest.find('"')?].to_owned())
}

/// The id in a `Location: /relaties/{id}?…` header.
pub fn relatie_id(location: &str) -> String {
    location
        .trim_start_matches("/relaties/")
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The secret calendar link on the page shown after making one.
pub fn agendalink(html: &str) -> String {
    html.split("/agenda/")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("agendalink")
        .to_owned()
}
