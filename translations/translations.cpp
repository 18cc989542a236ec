// The translations are resources of this library (see CMakeLists.txt); a
// static library needs one object file of its own.
namespace engage::translations {
int anchor = 0;
} // namespace engage::translations
