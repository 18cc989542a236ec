#pragma once

namespace engage::models {
class ApiClient;
class CredentialStore;
class LanguageSwitcher;
class Session;
class Settings;
} // namespace engage::models

namespace engage::ui {

// What windows and pages of the client share, owned by the composition root
// (app/) and handed down by reference instead of through singletons.
struct ClientContext
{
    models::ApiClient &client;
    models::Session &session;
    models::Settings &settings;
    models::CredentialStore &credentials;
    models::LanguageSwitcher &language;
};

} // namespace engage::ui
