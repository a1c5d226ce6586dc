// Only the message-digest API of OpenSSL's libcrypto is used: SHA-256 of input files.
#include <openssl/evp.h>
