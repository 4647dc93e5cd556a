// A fixture: core code that reaches into ui/ (must be refused).
#include "ui/widgets.hpp"
