//! Logging in with a local account (argon2id), sessions stored in the database, and
//! throttling of failed attempts per account and per address.

use crate::auditlog::log;
use crate::{AppError, Ctx, Principal};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::RngCore;
use samenspel_domain::audit::{Actie, ObjectSoort, Resultaat};
use samenspel_domain::ids::GemeenteId;
use samenspel_domain::{Invalid, gebruiker};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT_SECS: i64 = 30 * 60;
/// A session ends this long after login, however active.
pub const ABSOLUTE_TIMEOUT_SECS: i64 = 12 * 60 * 60;
/// Failed logins are counted over this window.
pub const THROTTLE_WINDOW_SECS: i64 = 15 * 60;
/// Failed attempts per account, and per address, before logins are refused.
pub const MAX_POGINGEN_ACCOUNT: i64 = 5;
pub const MAX_POGINGEN_ADRES: i64 = 30;
/// Activity is written back at most this often, so reads stay reads.
const TOUCH_INTERVAL_SECS: i64 = 60;

/// Password-hashing cost. Tests use a cheap setting; production the OWASP one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hashing {
    Productie,
    Test,
}

impl Hashing {
    fn argon2(self) -> Argon2<'static> {
        let params = match self {
            // OWASP: argon2id, m=19 MiB, t=2, p=1.
            Hashing::Productie => Params::new(19 * 1024, 2, 1, None),
            Hashing::Test => Params::new(256, 1, 1, None),
        };
        Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            params.unwrap_or_default(),
        )
    }
}

/// Hashes off the async runtime: argon2 is deliberately slow.
pub async fn hash_wachtwoord(hashing: Hashing, wachtwoord: &str) -> Result<String, AppError> {
    let wachtwoord = wachtwoord.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut salt = [0u8; 16];
        rand::rng().fill_bytes(&mut salt);
        let salt = SaltString::encode_b64(&salt).map_err(|e| AppError::Internal(e.to_string()))?;
        hashing
            .argon2()
            .hash_password(wachtwoord.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(e.to_string()))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

/// Verifies with the parameters stored in the hash itself.
async fn verify_wachtwoord(hash: String, wachtwoord: &str) -> bool {
    let wachtwoord = wachtwoord.to_owned();
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(wachtwoord.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// A fresh session: the cookie value to set and the form token of the session.
#[derive(Debug)]
pub struct NieuweSessie {
    pub cookie: String,
    pub csrf: String,
}

/// A live session.
#[derive(Debug, Clone)]
pub struct Sessie {
    pub principal: Principal,
    pub csrf: String,
}

fn nu() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

pub(crate) fn random_hex() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub(crate) fn token_hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Splits a cookie value `<gemeente>.<token>`; the tenant travels in the cookie so
/// the session row can be keyed by tenant like every other table.
pub(crate) fn parse_cookie(cookie: &str) -> Option<(GemeenteId, &str)> {
    let (gemeente, token) = cookie.split_once('.')?;
    let gemeente = gemeente.parse().ok()?;
    (token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())).then_some((gemeente, token))
}

fn onjuist() -> AppError {
    AppError::Invalid(
        Invalid::new(
            "wachtwoord",
            "De combinatie van gebruikersnaam en wachtwoord is onjuist.",
        )
        .into(),
    )
}

/// Logs in. `adres` is the client address, `oorsprong` how it is written in the audit log.
pub async fn login(
    ctx: &Ctx,
    gemeente: GemeenteId,
    gebruikersnaam: &str,
    wachtwoord: &str,
    adres: &str,
    oorsprong: &str,
) -> Result<NieuweSessie, AppError> {
    let gebruikersnaam = gebruiker::Gebruikersnaam::parse(gebruikersnaam).map_err(|_| onjuist())?;
    let account_sleutel = format!("account:{}", gebruikersnaam.as_str());
    let adres_sleutel = format!("adres:{adres}");
    let tijd = nu();
    let sinds = tijd - THROTTLE_WINDOW_SECS;
    let mut anoniem = Principal {
        gemeente,
        gebruiker: None,
        naam: gebruikersnaam.as_str().to_owned(),
        rol: samenspel_domain::rol::Rol::Lezer,
        oorsprong: oorsprong.to_owned(),
    };

    let (gevonden, teveel) = {
        let mut conn = ctx.db.conn().await?;
        let mut exec = conn.exec();
        let teveel = exec
            .count_inlogpogingen(gemeente, &account_sleutel, sinds)
            .await?
            >= MAX_POGINGEN_ACCOUNT
            || exec
                .count_inlogpogingen(gemeente, &adres_sleutel, sinds)
                .await?
                >= MAX_POGINGEN_ADRES;
        (
            exec.gebruiker_by_naam(gemeente, gebruikersnaam.as_str())
                .await?,
            teveel,
        )
    };
    if teveel {
        let mut tx = ctx.db.begin().await?;
        let object = gevonden.as_ref().map(|g| g.id.0);
        log(
            &mut tx.exec(),
            &anoniem,
            Actie::InloggenMislukt,
            ObjectSoort::Gebruiker,
            object,
            Resultaat::Geweigerd,
            Some("te veel pogingen"),
        )
        .await?;
        tx.commit().await?;
        return Err(AppError::TooManyAttempts);
    }

    // Verify against a real hash even for unknown accounts, so timing reveals nothing.
    let hash = gevonden
        .as_ref()
        .map(|g| g.wachtwoord_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let wachtwoord_klopt = verify_wachtwoord(hash, wachtwoord).await;
    let account = gevonden.filter(|g| wachtwoord_klopt && g.actief);

    let mut tx = ctx.db.begin().await?;
    let Some(account) = account else {
        let mut exec = tx.exec();
        exec.insert_inlogpoging(gemeente, &account_sleutel, tijd)
            .await?;
        exec.insert_inlogpoging(gemeente, &adres_sleutel, tijd)
            .await?;
        log(
            &mut exec,
            &anoniem,
            Actie::InloggenMislukt,
            ObjectSoort::Gebruiker,
            None,
            Resultaat::Mislukt,
            None,
        )
        .await?;
        tx.commit().await?;
        return Err(onjuist());
    };
    let token = random_hex();
    let csrf = random_hex();
    anoniem.gebruiker = Some(account.id);
    anoniem.naam = account.naam.clone();
    anoniem.rol = account.rol;
    let mut exec = tx.exec();
    exec.insert_sessie(gemeente, &token_hash(&token), account.id, &csrf, tijd)
        .await?;
    exec.delete_inlogpogingen(gemeente, &account_sleutel)
        .await?;
    log(
        &mut exec,
        &anoniem,
        Actie::Ingelogd,
        ObjectSoort::Gebruiker,
        Some(account.id.0),
        Resultaat::Gelukt,
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(NieuweSessie {
        cookie: format!("{gemeente}.{token}"),
        csrf,
    })
}

/// The session behind a cookie, or `None` when it is unknown, expired or its account
/// was deactivated.
pub async fn sessie(ctx: &Ctx, cookie: &str, oorsprong: &str) -> Result<Option<Sessie>, AppError> {
    let Some((gemeente, token)) = parse_cookie(cookie) else {
        return Ok(None);
    };
    let hash = token_hash(token);
    let regel = {
        let mut conn = ctx.db.conn().await?;
        conn.exec().get_sessie(gemeente, &hash).await?
    };
    let Some(regel) = regel else { return Ok(None) };
    let tijd = nu();
    let verlopen = tijd - regel.laatst_actief_op > IDLE_TIMEOUT_SECS
        || tijd - regel.aangemaakt_op > ABSOLUTE_TIMEOUT_SECS;
    if verlopen || !regel.actief {
        let mut tx = ctx.db.begin().await?;
        tx.exec().delete_sessie(gemeente, &hash).await?;
        tx.commit().await?;
        return Ok(None);
    }
    if tijd - regel.laatst_actief_op > TOUCH_INTERVAL_SECS {
        let mut tx = ctx.db.begin().await?;
        tx.exec().touch_sessie(gemeente, &hash, tijd).await?;
        tx.commit().await?;
    }
    Ok(Some(Sessie {
        principal: Principal {
            gemeente,
            gebruiker: Some(regel.gebruiker_id),
            naam: regel.naam,
            rol: regel.rol,
            oorsprong: oorsprong.to_owned(),
        },
        csrf: regel.csrf_token,
    }))
}

/// Ends the session behind `cookie`.
pub async fn logout(ctx: &Ctx, cookie: &str, who: &Principal) -> Result<(), AppError> {
    let Some((gemeente, token)) = parse_cookie(cookie) else {
        return Ok(());
    };
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.delete_sessie(gemeente, &token_hash(token)).await?;
    if gemeente == who.gemeente {
        log(
            &mut exec,
            who,
            Actie::Uitgelogd,
            ObjectSoort::Gebruiker,
            who.gebruiker.map(|g| g.0),
            Resultaat::Gelukt,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Removes expired sessions and old login attempts of all tenants, and refreshes the
/// planner's statistics.
pub async fn opruimen(ctx: &Ctx) -> Result<(), AppError> {
    ctx.db.optimaliseer().await?;
    let tijd = nu();
    let mut tx = ctx.db.begin().await?;
    let mut exec = tx.exec();
    exec.delete_verlopen_sessies(tijd - IDLE_TIMEOUT_SECS, tijd - ABSOLUTE_TIMEOUT_SECS)
        .await?;
    exec.delete_oude_inlogpogingen(tijd - THROTTLE_WINDOW_SECS)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// An argon2id hash of a random password nobody knows, used for unknown accounts.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FtZW5zcGVsLWR1bW15$3tWw1Q0m3nX1Yb8m0hS4p3Qe5l8Vd9o1tK2yE7rJ6aA";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_bevat_gemeente_en_token() {
        let g = GemeenteId::new();
        let token = random_hex();
        assert_eq!(
            parse_cookie(&format!("{g}.{token}")),
            Some((g, token.as_str()))
        );
        assert_eq!(parse_cookie("geen-cookie"), None);
        assert_eq!(parse_cookie(&format!("{g}.kort")), None);
    }

    #[tokio::test]
    async fn hash_en_verificatie() {
        let hash = hash_wachtwoord(Hashing::Test, "samenspel-demo")
            .await
            .expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_wachtwoord(hash.clone(), "samenspel-demo").await);
        assert!(!verify_wachtwoord(hash, "iets-anders-123").await);
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "dummy-hash moet parsebaar zijn"
        );
    }
}
